import DashboardModel
import Testing
@testable import ProactiveTUI
@testable import TerminalUI

/// The regions widgets report lie where they drew their items (a click lands on what the eye sees there).
@Suite struct RegionTests {
    let data = AppFixture.data

    func composed(_ width: Int = 120, _ height: Int = 35) -> ComposedFrame {
        ScreenComposer.compose(data: data, state: UIState(), context: ScreenContext(theme: .unicode(colors: false)),
                               width: width, height: height)
    }

    func text(_ grid: Grid, _ rect: Rect) -> String {
        (rect.x..<rect.right).map { grid[$0, rect.y].text }.joined()
    }

    @Test func tableRowsLegendLinesAndDaysShowTheirItems() {
        let frame = composed()
        let hits = frame.geometry.hits
        func rect(_ target: HitTarget) -> Rect? { hits.regions.first { $0.target == target }?.rect }
        for (i, row) in data.byQueue.enumerated() {
            let r = try! #require(rect(.item(.queueTable, i)))
            #expect(text(frame.grid, r).contains(row.name))
        }
        for (i, row) in data.byConfiguration.enumerated() {
            let r = try! #require(rect(.item(.configurationTable, i)))
            #expect(text(frame.grid, r).hasPrefix(String(row.name.prefix(8))))
        }
        for (i, entry) in data.processedByDialMode.enumerated() {
            let r = try! #require(rect(.item(.dialModeDonut, i)))
            #expect(text(frame.grid, r).contains(String(entry.label.prefix(6))))
        }
        for (i, day) in data.byDate.enumerated() {
            let r = try! #require(rect(.item(.dateTable, i)))
            #expect(text(frame.grid, Rect(x: r.x, y: r.y, width: r.width, height: 1)).contains(String(day.date.iso.dropFirst(5))))
        }
    }

    @Test func segmentsCoverTheirStatusFill() {
        let frame = composed()
        let chart = StackedColumnChart(data: data)
        let labels = chart.seriesLabels
        let slots = SeriesSlots.assign(labels, known: SeriesSlots.statuses)
        var seen = 0
        for region in frame.geometry.hits.regions {
            guard case .segment(_, let status) = region.target, let s = labels.firstIndex(of: status) else { continue }
            seen += 1
            for y in region.rect.y..<region.rect.bottom {
                for x in region.rect.x..<region.rect.right {
                    #expect(frame.grid[x, y].text == Glyphs.unicode.fill(series: slots[s]), "\(status) at \(x),\(y)")
                }
            }
        }
        #expect(seen >= 5)
    }

    @Test func donutSliceCellsAreTheirSlices() {
        // Without colour the ring is drawn one fill character per cell, each the fill of its slice.
        let frame = composed()
        let slots = SeriesSlots.assign(data.processedByResult.map(\.label), known: SeriesSlots.results)
        var cells = 0
        for region in frame.geometry.hits.regions {
            guard case .item(.resultDonut, let k) = region.target, region.rect.height == 1 else { continue }
            for x in region.rect.x..<region.rect.right {
                let cell = frame.grid[x, region.rect.y].text
                if Glyphs.unicode.seriesFills.contains(cell) {
                    #expect(cell == Glyphs.unicode.fill(series: slots[k]))
                    cells += 1
                }
            }
        }
        #expect(cells > 20)
    }

    @Test func sidebarLinesAreItsSections() {
        let frame = composed()
        for (i, section) in SidebarModel(data: data).sections.enumerated() {
            let r = try! #require(frame.geometry.hits.regions.first { $0.target == .sidebarSection(i) }?.rect)
            #expect(text(frame.grid, r).contains(String(section.title.prefix(8))))
        }
    }

    @Test func tabsAtEightyColumns() {
        let frame = composed(80, 24)
        for panel in PanelID.allCases {
            guard let r = frame.geometry.hits.regions.first(where: { $0.target == .tab(panel) })?.rect else { continue }
            #expect(text(frame.grid, r).contains(String(panel.rawValue)))
        }
        #expect(frame.geometry.hits.regions.filter { if case .tab = $0.target { true } else { false } }.count >= 5)
    }
}
