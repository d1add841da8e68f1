import DashboardModel
import Foundation
import Testing
@testable import ProactiveTUI
@testable import TerminalUI

@Suite struct HeaderBarWidgetTests {
    func data() -> DashboardData {
        let filters = DashboardFilters(range: .lastDays(30), timeZone: "America/New_York",
                                       selections: [.queue: ["q1", "q2"], .direction: ["Outgoing"]])
        var d = DashboardData.empty(filters: filters)
        d.totalDeliveries = 1234
        d.processed = 967
        d.facets = [.queue: [FacetValue(value: "q1", label: "Collections Q", count: 10, selected: true),
                             FacetValue(value: "q2", label: "Renewals Q", count: 4, selected: true)]]
        // 2026-11-28 19:03:22 UTC = 14:03:22 in New York (EST)
        let day = LocalDate(year: 2026, month: 11, day: 28).dayNumber
        d.readAt = Date(timeIntervalSince1970: TimeInterval(day * 86_400 + 19 * 3600 + 3 * 60 + 22))
        d.live = LiveFigures(pending: 120, inProgress: 8, throughputPerHour: 45, secondsToClear: 9600,
                             processedRate: 0.784, abandonedRate: 0.012, connectRate: 0.64)
        return d
    }

    @Test func unicodeStaleWithLiveStrip() {
        let g = rendered(100, 3) { g, r in HeaderBar(data: data(), stale: true).render(into: &g, area: r, theme: .unicode()) }
        expectLines(g, [
            "Proactive Outbound · Total 1,234 · Processed 967 (78.4%)                    Updated 14:03:22  STALE",
            "Last 30 days · America/New_York · Queue: Collections Q +1 · Direction: Outgoing",
            "Pending 120 · InProg 8 · Throughput 45/h · Clear in 2h 40m · Abandoned/attempted 1.2% · Conn 64.0%",
        ])
        #expect(g[94, 0].style.reverse)
    }

    @Test func asciiNarrowTruncates() {
        var d = data()
        d.live = nil
        let header = HeaderBar(data: d)
        #expect(header.preferredHeight == 2)
        let g = rendered(50, 2) { g, r in header.render(into: &g, area: r, theme: .ascii()) }
        expectLines(g, [
            "Total 1,234 | Processed 967 (78.4%)       14:03:22",
            "Last 30 days | America/New_York | Queue: Collecti~",
        ])
    }
}
