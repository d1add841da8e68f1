import DashboardModel
import Testing
@testable import ProactiveTUI
@testable import TerminalUI

/// Clicks and the wheel through the controller, against the geometry of the frame just composed (the fixture at
/// 120x35, or 80x24 for the tab strip): each click gives the state the keys reaching the same target give.
@Suite struct MouseControllerTests {
    let data = AppFixture.data

    func frame(_ c: DashboardController, width: Int = 120, height: Int = 35) -> ComposedFrame {
        ScreenComposer.compose(data: data, state: c.state, context: ScreenContext(theme: .unicode(colors: false)),
                               width: width, height: height)
    }

    /// Composes the frame for the controller's state, then clicks (or turns the wheel) at the middle of the first
    /// region showing `target`.
    @discardableResult
    func click(_ c: inout DashboardController, _ target: HitTarget, button: MouseButton = .left, width: Int = 120,
               height: Int = 35, sourceLocation: SourceLocation = #_sourceLocation) -> ControllerEffect {
        let composed = frame(c, width: width, height: height)
        guard let region = composed.geometry.hits.regions.last(where: { $0.target == target }) else {
            Issue.record("no region for \(target)", sourceLocation: sourceLocation)
            return .none
        }
        // A status column's own cells are under its statuses' stretches but for the date label row at its foot.
        let foot = if case .item(.statusChart, _) = target { true } else { false }
        let point = (x: region.rect.x + region.rect.width / 2,
                     y: foot ? region.rect.bottom - 1 : region.rect.y + region.rect.height / 2)
        #expect(composed.geometry.hits.target(x: point.x, y: point.y) == target, sourceLocation: sourceLocation)
        return c.handle(.pointer(MouseEvent(button, x: point.x, y: point.y)), data: data, geometry: composed.geometry)
    }

    /// Keys, each read against the frame composed before it (as the loop does).
    func keys(_ c: inout DashboardController, _ keys: [Key], width: Int = 120, height: Int = 35) {
        for key in keys { _ = c.handle(key, data: data, geometry: frame(c, width: width, height: height).geometry) }
    }

    func fresh() -> DashboardController { DashboardController(filters: AppFixture.filters) }

    /// The parts of the state a click and keys must agree on.
    func same(_ a: DashboardController, _ b: DashboardController, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.state.focus == b.state.focus, sourceLocation: sourceLocation)
        #expect(a.state.visiblePanel == b.state.visiblePanel, sourceLocation: sourceLocation)
        #expect(a.state.zoomed == b.state.zoomed, sourceLocation: sourceLocation)
        #expect(a.state.selection == b.state.selection, sourceLocation: sourceLocation)
        #expect(a.state.chartSegment == b.state.chartSegment, sourceLocation: sourceLocation)
        #expect(a.state.sidebar == b.state.sidebar, sourceLocation: sourceLocation)
        #expect(a.filters == b.filters, sourceLocation: sourceLocation)
    }

    @Test func clickOnAStatusColumnSelectsItAsTheArrowsDo() {
        var clicked = fresh()
        #expect(click(&clicked, .item(.statusChart, 2)) == .redraw)
        var typed = fresh()
        keys(&typed, [.right, .right, .right])
        same(clicked, typed)
        #expect(clicked.state.selection[.statusChart] == 2)
        // The second click on the column filters to its day, as Enter does.
        #expect(click(&clicked, .item(.statusChart, 2)) == .requery)
        keys(&typed, [.enter])
        same(clicked, typed)
        #expect(clicked.filters.range == .between(AppFixture.day(2), AppFixture.day(2)))
    }

    @Test func clickOnAStatusInAColumnPicksItAsUpDoes() {
        var typed = fresh()
        keys(&typed, [.right, .up])
        let status = try! #require(typed.state.chartSegment)
        var clicked = fresh()
        #expect(click(&clicked, .segment(column: 0, status: status)) == .redraw)
        same(clicked, typed)
        keys(&typed, [.up])
        let higher = try! #require(typed.state.chartSegment)
        #expect(click(&clicked, .segment(column: 0, status: higher)) == .redraw)
        same(clicked, typed)
        // Again on it: the day and that status, as Enter.
        #expect(click(&clicked, .segment(column: 0, status: higher)) == .requery)
        keys(&typed, [.enter])
        same(clicked, typed)
        #expect(clicked.filters.selected(.status) == [higher])
    }

    @Test func clickOnADonutLegendEntryOrSliceSelectsIt() {
        for panel in [PanelID.resultDonut, .dialModeDonut] {
            var typed = fresh()
            keys(&typed, panel == .resultDonut ? [.tab, .down, .down] : [.tab, .tab, .down, .down])
            var byLegend = fresh()
            click(&byLegend, .item(panel, 1))
            same(byLegend, typed)
            // The ring's cells of that slice are the same target.
            let regions = frame(fresh()).geometry.hits.regions.filter { $0.target == .item(panel, 1) }
            #expect(regions.count > 1, "the legend line and the ring's cells of slice 1")
            var bySlice = fresh()
            let ring = regions[regions.count - 1].rect
            _ = bySlice.handle(.pointer(MouseEvent(.left, x: ring.x, y: ring.y)), data: data,
                               geometry: frame(bySlice).geometry)
            same(bySlice, typed)
            // The selection clicked again cross-filters as Enter: that value, processed deliveries only.
            #expect(click(&byLegend, .item(panel, 1)) == .requery)
            keys(&typed, [.enter])
            same(byLegend, typed)
        }
        var c = fresh()
        click(&c, .item(.resultDonut, 0))
        click(&c, .item(.resultDonut, 0))
        #expect(c.filters.selected(.result) == [data.processedByResult[0].label])
        #expect(c.filters.selected(.status) == [DeliveryStatus.complete.label])
    }

    @Test func clickOnATableRowSelectsItAndAgainFiltersToIt() {
        var typed = fresh()
        keys(&typed, [.tab, .tab, .tab, .tab, .down, .down])
        var clicked = fresh()
        #expect(click(&clicked, .item(.queueTable, 1)) == .redraw)
        same(clicked, typed)
        #expect(click(&clicked, .item(.queueTable, 1)) == .requery)
        keys(&typed, [.enter])
        same(clicked, typed)
        #expect(clicked.filters.selected(.queue) == [data.byQueue[1].id])

        var config = fresh()
        click(&config, .item(.configurationTable, 2))
        var configKeys = fresh()
        keys(&configKeys, [.tab, .tab, .tab, .down, .down, .down])
        same(config, configKeys)
    }

    @Test func clickOnADateColumnSelectsTheDay() {
        var typed = fresh()
        keys(&typed, [.tab, .tab, .tab, .tab, .tab, .right, .right])
        #expect(typed.state.focus == .panel(.dateTable))
        var clicked = fresh()
        click(&clicked, .item(.dateTable, 1))
        same(clicked, typed)
        click(&clicked, .item(.dateTable, 1))
        keys(&typed, [.enter])
        same(clicked, typed)
        #expect(clicked.filters.range == .between(AppFixture.day(1), AppFixture.day(1)))
    }

    @Test func clickOnTheSidebarOpensASectionAndTogglesAChoice() {
        let queue = 2 + FilterDimension.allCases.firstIndex(of: .queue)!
        var typed = fresh()
        keys(&typed, [.backTab] + Array(repeating: Key.right, count: queue))
        var clicked = fresh()
        #expect(click(&clicked, .sidebarSection(queue)) == .redraw)
        same(clicked, typed)
        keys(&typed, [.down])
        click(&clicked, .sidebarItem(section: queue, item: 1))
        same(clicked, typed)
        // Again on the choice under the cursor: Space, the filter toggled.
        #expect(click(&clicked, .sidebarItem(section: queue, item: 1)) == .requery)
        keys(&typed, [.character(" ")])
        same(clicked, typed)
        #expect(clicked.filters.selected(.queue).count == 1)
    }

    @Test func clickOnATabShowsItsPanelInTheCompactLayout() {
        var clicked = fresh()
        #expect(click(&clicked, .tab(.queueTable), width: 80, height: 24) == .redraw)
        var typed = fresh()
        keys(&typed, [.tab, .tab, .tab, .tab], width: 80, height: 24)
        same(clicked, typed)
        #expect(clicked.state.visiblePanel == .queueTable)
        let lines = frame(clicked, width: 80, height: 24).grid.lines()
        #expect(lines.contains { $0.contains("5 Delivery metrics by queue") })
    }

    @Test func clickOnAPanelFrameFocusesIt() {
        var clicked = fresh()
        click(&clicked, .panel(.configurationTable))
        #expect(clicked.state.focus == .panel(.configurationTable))
        #expect(clicked.state.selection.isEmpty)
    }

    @Test func wheelScrollsThePaneUnderThePointer() {
        var wheeled = fresh()
        click(&wheeled, .item(.configurationTable, 0), button: .wheelDown)
        click(&wheeled, .item(.configurationTable, 0), button: .wheelDown)
        var typed = fresh()
        keys(&typed, [.tab, .tab, .tab, .down, .down])
        same(wheeled, typed)
        click(&wheeled, .panel(.configurationTable), button: .wheelUp)
        keys(&typed, [.up])
        same(wheeled, typed)
        // Across in the date table.
        var days = fresh()
        click(&days, .item(.dateTable, 0), button: .wheelDown)
        var dayKeys = fresh()
        keys(&dayKeys, [.tab, .tab, .tab, .tab, .tab, .right])
        same(days, dayKeys)
        // The sidebar's list.
        let queue = 2 + FilterDimension.allCases.firstIndex(of: .queue)!
        var side = fresh()
        click(&side, .sidebarSection(queue))
        click(&side, .sidebarSection(queue), button: .wheelDown)
        #expect(side.state.sidebar.items[queue] == 1)
    }

    @Test func helpAndPromptsCloseOnAClickOutside() {
        var c = fresh()
        keys(&c, [.character("?")])
        let help = frame(c).geometry.hits
        let box = try! #require(help.overlay)
        _ = c.handle(.pointer(MouseEvent(.left, x: box.x + 2, y: box.y + 2)), data: data, geometry: frame(c).geometry)
        #expect(c.state.showHelp, "a click inside the help leaves it open")
        _ = c.handle(.pointer(MouseEvent(.left, x: 0, y: 0)), data: data, geometry: frame(c).geometry)
        #expect(!c.state.showHelp)
        #expect(c.state.focus == .panel(.statusChart), "the click that closes the help does nothing else")

        keys(&c, [.character("t"), .character("U")])
        let prompt = try! #require(frame(c).geometry.hits.prompt)
        _ = c.handle(.pointer(MouseEvent(.left, x: prompt.x + 3, y: prompt.y)), data: data, geometry: frame(c).geometry)
        #expect(c.state.input != nil)
        _ = c.handle(.pointer(MouseEvent(.left, x: 50, y: 10)), data: data, geometry: frame(c).geometry)
        #expect(c.state.input == nil)
        #expect(c.filters == AppFixture.filters)
    }

    @Test func wallModeTakesNoClicks() {
        var c = DashboardController(filters: AppFixture.filters, wall: true)
        let geometry = frame(c).geometry
        #expect(!geometry.hits.regions.contains { if case .item = $0.target { true } else { false } })
        #expect(c.handle(.pointer(MouseEvent(.left, x: 10, y: 12)), data: data, geometry: geometry) == .none)
    }

    @Test func mKeyAsksToToggleReporting() {
        var c = fresh()
        #expect(c.handle(.character("M"), data: data) == .toggleMouse)
        #expect(KeyBindings.helpEntries.contains { $0.keys == "click, wheel, M" && $0.action.contains("again: Enter") })
        // The help still fits 80x24.
        #expect(HelpOverlay(entries: KeyBindings.helpEntries).preferredSize.height <= 24)
    }
}
