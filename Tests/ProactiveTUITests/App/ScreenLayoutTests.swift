import DashboardModel
import Testing
@testable import ProactiveTUI
@testable import TerminalUI

@Suite struct ScreenLayoutTests {
    /// The fixture has live figures, so the header takes three rows.
    let headerHeight = HeaderBar(data: AppFixture.data).preferredHeight

    func all(_ layout: ScreenLayout) -> [Rect] {
        var rects = [layout.header]
        rects += [layout.tabs, layout.sidebar, layout.footer, layout.tiles].compactMap { $0 }
        rects += layout.panels.values
        return rects.filter { !$0.isEmpty }
    }

    func expectSound(_ layout: ScreenLayout, width: Int, height: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        for r in all(layout) {
            #expect(screen.intersection(r) == r, "\(r) leaves the \(width)x\(height) screen", sourceLocation: sourceLocation)
        }
        #expect(!overlaps(all(layout)), "rects overlap: \(all(layout))", sourceLocation: sourceLocation)
    }

    /// Sum of the areas equals the screen: every cell belongs to exactly one part.
    func expectTiled(_ layout: ScreenLayout, width: Int, height: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(all(layout).map(\.area).reduce(0, +) == width * height, sourceLocation: sourceLocation)
    }

    @Test func fullAt200x60() {
        #expect(headerHeight == 3)
        let layout = ScreenLayout.make(width: 200, height: 60, state: UIState(), headerHeight: headerHeight)
        #expect(layout.mode == .full)
        #expect(layout.header == Rect(x: 0, y: 0, width: 200, height: 3))
        #expect(layout.footer == Rect(x: 0, y: 59, width: 200, height: 1))
        #expect(layout.sidebar == Rect(x: 0, y: 3, width: 34, height: 56))
        #expect(layout.tabs == nil)
        #expect(layout.tiles == nil)
        #expect(Set(layout.panels.keys) == Set(PanelID.allCases))
        // The charts share the top row, the two tables the middle, the date table the bottom.
        let p = layout.panels
        #expect(p[.statusChart]!.y == p[.resultDonut]!.y && p[.resultDonut]!.y == p[.dialModeDonut]!.y)
        #expect(p[.configurationTable]!.y == p[.queueTable]!.y && p[.queueTable]!.y == p[.compliance]!.y)
        #expect(p[.compliance]!.right == 200)
        #expect(p[.dateTable]!.width == 166 && p[.dateTable]!.bottom == 59)
        #expect(p[.statusChart]!.x == 34 && p[.dialModeDonut]!.right == 200)
        expectSound(layout, width: 200, height: 60)
        expectTiled(layout, width: 200, height: 60)
    }

    @Test func fullAt120x35() {
        let layout = ScreenLayout.make(width: 120, height: 35, state: UIState(), headerHeight: headerHeight)
        #expect(layout.mode == .full)
        #expect(layout.sidebar == Rect(x: 0, y: 3, width: 30, height: 31))
        // Below 150 panel columns the compliance panel has no place of its own: it takes the queue table's while
        // it has the focus.
        #expect(Set(layout.panels.keys) == Set(PanelID.allCases).subtracting([.compliance]))
        var focused = UIState()
        focused.focus = .panel(.compliance)
        let swapped = ScreenLayout.make(width: 120, height: 35, state: focused, headerHeight: headerHeight)
        #expect(swapped.panels[.compliance] == layout.panels[.queueTable])
        #expect(swapped.panels[.queueTable] == nil)
        // Every panel big enough for a frame and some content.
        for (panel, r) in layout.panels {
            #expect(r.width >= 20 && r.height >= 5, "\(panel) is \(r)")
        }
        expectSound(layout, width: 120, height: 35)
        expectTiled(layout, width: 120, height: 35)
    }

    @Test func foldedSidebarGivesPanelsTheWidth() {
        var state = UIState()
        state.sidebarFolded = true
        let layout = ScreenLayout.make(width: 120, height: 35, state: state, headerHeight: headerHeight)
        #expect(layout.mode == .full)
        #expect(layout.sidebar == nil)
        #expect(layout.panels[.statusChart]!.x == 0)
        #expect(layout.panels[.dateTable]!.width == 120)
        expectSound(layout, width: 120, height: 35)
        expectTiled(layout, width: 120, height: 35)
    }

    @Test func compactAt80x24() {
        let layout = ScreenLayout.make(width: 80, height: 24, state: UIState(), headerHeight: headerHeight)
        #expect(layout.mode == .compact)
        #expect(layout.sidebar == nil)  // folded away while a panel has the focus
        #expect(layout.tabs == Rect(x: 0, y: 3, width: 80, height: 1))
        #expect(layout.panels == [.statusChart: Rect(x: 0, y: 4, width: 80, height: 19)])
        expectSound(layout, width: 80, height: 24)
        expectTiled(layout, width: 80, height: 24)

        var state = UIState()
        state.visiblePanel = .queueTable
        state.focus = .panel(.queueTable)
        let queues = ScreenLayout.make(width: 80, height: 24, state: state, headerHeight: headerHeight)
        #expect(Array(queues.panels.keys) == [.queueTable])
    }

    @Test func compactSidebarOpensOnTheLeft() {
        var state = UIState()
        state.focus = .sidebar
        let layout = ScreenLayout.make(width: 80, height: 24, state: state, headerHeight: headerHeight)
        #expect(layout.mode == .compact)
        // The tab strip stays across the screen; the sidebar and the panel share the rest side by side.
        #expect(layout.tabs == Rect(x: 0, y: 3, width: 80, height: 1))
        #expect(layout.sidebar == Rect(x: 0, y: 4, width: 30, height: 19))
        #expect(layout.panels == [.statusChart: Rect(x: 30, y: 4, width: 50, height: 19)])
        expectSound(layout, width: 80, height: 24)
        expectTiled(layout, width: 80, height: 24)
        // At the minimum size the sidebar takes at most half.
        let small = ScreenLayout.make(width: 60, height: 18, state: state, headerHeight: headerHeight)
        #expect(small.sidebar == Rect(x: 0, y: 4, width: 30, height: 13))
        #expect(small.panels[.statusChart] == Rect(x: 30, y: 4, width: 30, height: 13))
        expectSound(small, width: 60, height: 18)
    }

    @Test func zoomGivesOnePanelTheBody() {
        for panel in PanelID.allCases {
            var state = UIState()
            state.zoomed = panel
            let layout = ScreenLayout.make(width: 120, height: 35, state: state, headerHeight: headerHeight)
            #expect(layout.mode == .full)
            #expect(layout.panels == [panel: Rect(x: 30, y: 3, width: 90, height: 31)])
            expectSound(layout, width: 120, height: 35)

            state.sidebarFolded = true
            let wide = ScreenLayout.make(width: 200, height: 60, state: state, headerHeight: headerHeight)
            #expect(wide.panels == [panel: Rect(x: 0, y: 3, width: 200, height: 56)])
        }
        // Compact: the zoomed panel replaces the visible one under the tab strip.
        var state = UIState()
        state.zoomed = .dateTable
        let compact = ScreenLayout.make(width: 80, height: 24, state: state, headerHeight: headerHeight)
        #expect(compact.panels == [.dateTable: Rect(x: 0, y: 4, width: 80, height: 19)])
    }

    @Test func belowTheMinimum() {
        for (w, h) in [(50, 15), (59, 35), (120, 17), (0, 0)] {
            let layout = ScreenLayout.make(width: w, height: h, state: UIState(), headerHeight: headerHeight)
            #expect(layout.mode == .tooSmall, "\(w)x\(h)")
            #expect(layout.panels.isEmpty && layout.sidebar == nil && layout.footer == nil)
        }
        let edge = ScreenLayout.make(width: ScreenLayout.minimumWidth, height: ScreenLayout.minimumHeight,
                                     state: UIState(), headerHeight: headerHeight)
        #expect(edge.mode == .compact)
        expectSound(edge, width: 60, height: 18)
        // Wall mode has the same floor.
        let wall = ScreenLayout.make(width: 50, height: 15, state: UIState(wall: true), headerHeight: headerHeight)
        #expect(wall.mode == .tooSmall)
    }

    @Test func wallAt200x60And120x35() {
        for (w, h) in [(200, 60), (120, 35)] {
            let layout = ScreenLayout.make(width: w, height: h, state: UIState(wall: true), headerHeight: headerHeight)
            #expect(layout.mode == .wall)
            #expect(layout.sidebar == nil && layout.footer == nil && layout.tabs == nil)
            #expect(layout.header == Rect(x: 0, y: 0, width: w, height: 1))
            #expect(layout.tiles == Rect(x: 0, y: 1, width: w, height: h >= 45 ? 8 : 7))
            // No date table on the wall: two charts and a donut on top, two tables below.
            #expect(Set(layout.panels.keys) == [.statusChart, .resultDonut, .dialModeDonut, .configurationTable, .queueTable])
            expectSound(layout, width: w, height: h)
            expectTiled(layout, width: w, height: h)
        }
        var state = UIState(wall: true)
        state.zoomed = .configurationTable
        let zoomed = ScreenLayout.make(width: 200, height: 60, state: state, headerHeight: headerHeight)
        #expect(zoomed.panels == [.configurationTable: Rect(x: 0, y: 9, width: 200, height: 51)])
    }
}
