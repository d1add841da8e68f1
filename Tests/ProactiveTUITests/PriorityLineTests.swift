import DashboardModel
import Foundation
import Testing
@testable import ProactiveTUI
@testable import TerminalUI

@Suite struct PriorityLineTests {
    /// The header of a big store: the numbers the issue saw cut at 80 columns (`Processed 700,4…`, `Abandoned 3…`).
    func bigData() -> DashboardData {
        var d = DashboardData.empty(filters: DashboardFilters(range: .lastDays(30), timeZone: "UTC"))
        d.totalDeliveries = 1_234_567
        d.processed = 700_456
        d.readAt = Date(timeIntervalSince1970: 1_789_844_400)
        d.live = LiveFigures(pending: 123_456, inProgress: 4_321, throughputPerHour: 12_345, secondsToClear: 36_000,
                             processedRate: 0.567, abandonedRate: 0.034, connectRate: 0.641)
        return d
    }

    let line = PriorityLine(items: [
        .init(["Title"], importance: 0, decoration: true),
        .init(["Total 1,234", "1,234"], importance: 2),
        .init(["Processed 967", "967"], importance: 3),
        .init(["Updated 14:03", "14:03"], importance: 1, trailing: true),
    ], separator: " · ")

    @Test func titleThenLabelsThenWholeItemsGo() {
        // "Title · Total 1,234 · Processed 967 Updated 14:03" is 49 columns.
        #expect(line.fit(width: 49) == [0, 0, 0, 0])
        #expect(line.fit(width: 48) == [nil, 0, 0, 0])
        #expect(line.fit(width: 41) == [nil, 0, 0, 0])
        #expect(line.fit(width: 40) == [nil, 0, 0, 1])   // the least important label goes first
        #expect(line.fit(width: 33) == [nil, 0, 0, 1])
        #expect(line.fit(width: 32) == [nil, 1, 0, 1])
        #expect(line.fit(width: 27) == [nil, 1, 0, 1])
        #expect(line.fit(width: 26) == [nil, 1, 1, 1])
        #expect(line.fit(width: 17) == [nil, 1, 1, 1])
        #expect(line.fit(width: 16) == [nil, 1, 1, nil])  // then whole items, least important first
        #expect(line.fit(width: 11) == [nil, 1, 1, nil])
        #expect(line.fit(width: 10) == [nil, nil, 1, nil])
        #expect(line.fit(width: 3) == [nil, nil, 1, nil])
        #expect(line.fit(width: 2) == [nil, nil, nil, nil])
    }

    @Test func everyFigureShownIsWholeAtEveryWidth() {
        let theme = Theme.unicode()
        for sync in [nil, SyncIndicator.synced(at: bigData().readAt),
                     .failing(since: bigData().readAt, message: "401 Unauthorized (GET https://contoso.crm.dynamics.com)")] {
            let header = HeaderBar(data: bigData(), stale: true, sync: sync)
            for width in 1...160 {
                let g = rendered(width, 3) { g, r in header.render(into: &g, area: r, theme: theme) }
                let rows = g.lines()
                for (row, line) in [(0, header.summaryLine(theme: theme)), (2, header.liveLine(theme: theme)!)] {
                    let choice = line.fit(width: width)
                    #expect(line.used(choice) <= width)
                    for (i, item) in line.items.enumerated() {
                        guard let form = choice[i], item.stretch == nil else { continue }
                        #expect(rows[row].contains(item.forms[form].trimmingCharacters(in: .whitespaces)), "width \(width): \(item.forms[form]) in \(rows[row])")
                    }
                }
                if row0HasEllipsis(rows[0], sync: sync) { Issue.record("width \(width): a cut in \(rows[0])") }
                #expect(!rows[2].contains("…"), "width \(width): a cut in \(rows[2])")
            }
        }
    }

    /// Only the failing sync's message may be cut.
    private func row0HasEllipsis(_ row: String, sync: SyncIndicator?) -> Bool {
        guard row.contains("…") else { return false }
        return !(sync?.isFailing ?? false) || !row.contains("sync failing since")
    }

    @Test func eightyColumnsKeepTheFiguresWhole() {
        let g = rendered(80, 3) { g, r in HeaderBar(data: bigData()).render(into: &g, area: r, theme: .unicode()) }
        expectLines(g, [
            "Total 1,234,567 · Processed 700,456 (56.7%)                     Updated 19:00:00",
            "Last 30 days · UTC · Direction: Outgoing",
            "Pending 123,456 · InProg 4,321 · Thru 12,345/h · Clear in 10h · Aband/att 3.4%",
        ])
    }
}

@Suite struct PanelTitleTests {
    @Test func titlesShortenFromTheLeftNeverToABareWord() {
        #expect(PanelID.resultDonut.titles == ["Processed deliveries by result", "Processed by result", "By result"])
        for panel in PanelID.allCases {
            #expect(panel.titles.first == panel.title)
            #expect(panel.titles.allSatisfy { panel.title.hasSuffix($0.dropFirst(2)) || $0.hasPrefix("By ") || $0.contains(" by ") })
            #expect(panel.titles.last?.hasPrefix("By ") == true)
            #expect(zip(panel.titles, panel.titles.dropFirst()).allSatisfy { $0.count > $1.count })
        }
    }

    @Test func aNarrowPanelShowsTheShortestWholeTitle() {
        let data = DashboardData.empty(filters: DashboardFilters(timeZone: "UTC"))
        let view = PanelView(panel: .resultDonut, data: data, state: UIState(), wall: false)
        for (width, title) in [(40, "2 Processed deliveries by result"), (30, "2 Processed by result"), (20, "2 By result")] {
            let g = rendered(width, 8) { g, r in view.render(into: &g, area: r, theme: .ascii()) }
            #expect(g.lines()[0].contains(" \(title) "), "\(width): \(g.lines()[0])")
        }
    }
}

@Suite struct WallDonutTests {
    @Test func theWallLegendKeepsTheLargestAndOther() {
        let entries = (1...13).map { LabelledCount("r\($0)", 100 - $0) }
        let donut = DonutChart(entries: entries, legendLimit: PanelView.wallLegendLimit)
        let area = Rect(x: 0, y: 0, width: 40, height: 30)
        let layout = donut.layout(in: area)
        #expect(layout.entries.map(\.label) == ["r1", "r2", "r3", "r4", "r5", "Other"])
        #expect(layout.entries.last?.count == (6...13).reduce(0) { $0 + 100 - $1 })
        // The ring gets the room the 13-line legend took.
        let full = DonutChart(entries: entries).layout(in: area)
        #expect(layout.ring.height > full.ring.height)
    }
}
