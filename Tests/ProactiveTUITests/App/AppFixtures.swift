import DashboardModel
import Foundation
@testable import ProactiveTUI
@testable import TerminalUI

/// Hand-made dashboard data for the App-layer tests. Every number is chosen so the totals add up and can be
/// checked by hand against what the screen shows:
///
/// | day        | Pending | InProcess | Complete | Expired | Error | total | processed |
/// |------------|---------|-----------|----------|---------|-------|-------|-----------|
/// | 2026-11-02 |         |           |    1,200 |     100 |    20 | 1,320 |     1,200 |
/// | 2026-11-03 |         |           |    1,500 |      80 |       | 1,580 |     1,500 |
/// | 2026-11-04 |         |           |      950 |      50 |    10 | 1,010 |       950 |
/// | 2026-11-05 |         |        40 |    1,300 |      60 |       | 1,400 |     1,300 |
/// | 2026-11-06 |     400 |       120 |      600 |         |       | 1,120 |       600 |
/// | sum        |     400 |       160 |    5,550 |     290 |    30 | 6,430 |     5,550 |
///
/// Processed 5,550 / 6,430 = 86.3 %.
/// Results (5,550): LiveAnswer 3,000 (54.1 %), NoAnswer 1,500 (27.0 %), Abandoned 600 (10.8 %),
/// AnsweringMachine 450 (8.1 %).
/// Dial modes (5,550): Progressive 3,200 (57.7 %), Predictive 1,800 (32.4 %), Preview 550 (9.9 %).
/// Configurations: "Relance clients – Genève" 3,100 / 2,700 (Active, High); "年末キャンペーン" 2,030 / 1,750
/// (Active, Normal); "Win-back survey" 1,300 / 1,100 (no status, no priority) — 6,430 / 5,550.
/// Queues: Collections Q 4,000 / 3,500; Renewals Q 2,430 / 2,050 — 6,430 / 5,550.
/// Live: pending 400, in progress 160, 240/h, clear in 6,000 s (1h 40m), processed 86.3 %,
/// abandoned 600/5,550 = 10.8 %, connect (LiveAnswer + Abandoned) 3,600/5,550 = 64.9 %.
/// Read at 2026-11-06 16:45:30 UTC; filters in UTC.
enum AppFixture {
    static let day1 = LocalDate(year: 2026, month: 11, day: 2)  // a Monday
    static let day5 = LocalDate(year: 2026, month: 11, day: 6)

    static var filters: DashboardFilters {
        DashboardFilters(range: .between(day1, day5), timeZone: "UTC", selections: [.direction: ["Outgoing"]])
    }

    /// 2026-11-06 16:45:30 UTC.
    static let readAt = Date(timeIntervalSince1970: TimeInterval(day5.dayNumber * 86_400 + 16 * 3600 + 45 * 60 + 30))

    static func day(_ n: Int) -> LocalDate { day1.adding(days: n) }

    static var data: DashboardData {
        let statusByDate = [
            DayStatusCounts(date: day(0), counts: [.init("Complete", 1200), .init("Expired", 100), .init("Error", 20)]),
            DayStatusCounts(date: day(1), counts: [.init("Complete", 1500), .init("Expired", 80)]),
            DayStatusCounts(date: day(2), counts: [.init("Complete", 950), .init("Expired", 50), .init("Error", 10)]),
            DayStatusCounts(date: day(3), counts: [.init("InProcess", 40), .init("Complete", 1300), .init("Expired", 60)]),
            DayStatusCounts(date: day(4), counts: [.init("Pending", 400), .init("InProcess", 120), .init("Complete", 600)]),
        ]
        let byStatus = [CountEntry("Pending", 400), CountEntry("InProcess", 160), CountEntry("Complete", 5550),
                        CountEntry("Expired", 290), CountEntry("Error", 30)]
        let results = [CountEntry("LiveAnswer", 3000), CountEntry("NoAnswer", 1500), CountEntry("Abandoned", 600),
                       CountEntry("AnsweringMachine", 450)]
        let modes = [CountEntry("Progressive", 3200), CountEntry("Predictive", 1800), CountEntry("Preview", 550)]
        let configurations = [
            ConfigurationRow(id: "cfg-geneve", name: "Relance clients – Genève", status: "Active", priority: "High",
                             total: 3100, processed: 2700),
            ConfigurationRow(id: "cfg-cjk", name: "年末キャンペーン", status: "Active", priority: "Normal",
                             total: 2030, processed: 1750),
            ConfigurationRow(id: "cfg-winback", name: "Win-back survey", status: nil, priority: nil,
                             total: 1300, processed: 1100),
        ]
        let queues = [QueueRow(id: "q-coll", name: "Collections Q", total: 4000, processed: 3500),
                      QueueRow(id: "q-ren", name: "Renewals Q", total: 2430, processed: 2050)]
        let byDate = [DateRow(date: day(0), total: 1320, processed: 1200), DateRow(date: day(1), total: 1580, processed: 1500),
                      DateRow(date: day(2), total: 1010, processed: 950), DateRow(date: day(3), total: 1400, processed: 1300),
                      DateRow(date: day(4), total: 1120, processed: 600)]
        let f = filters
        func facet(_ dimension: FilterDimension, _ values: [(String, String, Int)]) -> [FacetValue] {
            values.map { FacetValue(value: $0.0, label: $0.1, count: $0.2, selected: f.selected(dimension).contains($0.0)) }
        }
        let facets: [FilterDimension: [FacetValue]] = [
            .channel: facet(.channel, [("Voice", "Voice", 6430), ("SMS", "SMS", 0)]),
            .queue: facet(.queue, [("q-coll", "Collections Q", 4000), ("q-ren", "Renewals Q", 2430)]),
            .configuration: facet(.configuration, [("cfg-geneve", "Relance clients – Genève", 3100),
                                                   ("cfg-cjk", "年末キャンペーン", 2030), ("cfg-winback", "Win-back survey", 1300)]),
            .conversationType: facet(.conversationType, [("Unspecified", "Unspecified", 6430)]),
            .direction: facet(.direction, [("Outgoing", "Outgoing", 6430), ("Incoming", "Incoming", 215)]),
            .dialMode: facet(.dialMode, [("Progressive", "Progressive", 3700), ("Predictive", "Predictive", 2100),
                                         ("Preview", "Preview", 630)]),
            .status: facet(.status, [("Pending", "Pending", 400), ("InProcess", "InProcess", 160),
                                     ("Complete", "Complete", 5550), ("Expired", "Expired", 290), ("Error", "Error", 30)]),
            .result: facet(.result, [("LiveAnswer", "LiveAnswer", 3000), ("NoAnswer", "NoAnswer", 1500),
                                     ("Abandoned", "Abandoned", 600), ("AnsweringMachine", "AnsweringMachine", 450),
                                     ("(Blank)", "(Blank)", 880)]),
        ]
        let live = LiveFigures(pending: 400, inProgress: 160, throughputPerHour: 240, secondsToClear: 6000,
                               processedRate: 5550.0 / 6430.0, abandonedRate: 600.0 / 5550.0,
                               connectRate: 3600.0 / 5550.0)
        return DashboardData(filters: f, from: day1, to: day5, totalDeliveries: 6430, processed: 5550,
                             deliveriesByStatus: byStatus, statusByDate: statusByDate, processedByResult: results,
                             processedByDialMode: modes, byConfiguration: configurations, byQueue: queues, byDate: byDate,
                             facets: facets, live: live, readAt: readAt)
    }

    /// The fixture with `count` configurations (`Campaign 01`...), for paging and scrolling tests.
    static func manyConfigurations(_ count: Int) -> DashboardData {
        var d = data
        d.byConfiguration = (1...count).map { i in
            let n = i < 10 ? "0\(i)" : "\(i)"
            return ConfigurationRow(id: "cfg-\(n)", name: "Campaign \(n)", status: "Active", priority: "Normal",
                                    total: 1000 - i, processed: 900 - i)
        }
        return d
    }

    /// The fixture over 120 days (2026-07-10...2026-11-06): the status chart has to group by week.
    static var longRange: DashboardData {
        var d = data
        let from = day5.adding(days: -119)
        d.filters.range = .between(from, day5)
        d.from = from
        return d
    }
}

/// Checks that no two rects overlap and that each lies inside the screen.
func overlaps(_ rects: [Rect]) -> Bool {
    for i in rects.indices {
        for j in rects.indices where j > i {
            if !rects[i].intersection(rects[j]).isEmpty { return true }
        }
    }
    return false
}

extension AppFixture {
    /// The fixture with a previous period (2026-10-28..11-01) and the compliance figure (us-30d, 10-08..11-06):
    ///
    /// Previous: 6,160 deliveries, 5,300 processed (86.0%), abandoned 500 and connected 3,500 of 5,300;
    /// Genève 3,000 / 2,650, 年末 2,100 / 1,800, Win-back absent (new); Collections 3,900 / 3,450, Renewals 2,260 / 1,850.
    /// So: Total ▲ 4.4% (270 / 6,160), Processed ▲ 4.7% (250 / 5,300); Genève ▲ 100 / ▲ 50, 年末 ▼ 70 / ▼ 50,
    /// Win-back ▲ 1,300 / ▲ 1,100; Collections ▲ 100 / ▲ 50, Renewals ▲ 170 / ▲ 200; processed rate 86.3% vs 86.04%
    /// ▲ 0.3pt, connect 64.9% vs 66.0% ▼ 1.2pt, abandoned 10.8% vs 9.4% ▲ 1.4pt.
    ///
    /// Compliance: Genève 316 live-answered, 10 abandoned = 3.16%, over (OVER); 年末 500 / 15 = 3.00%, at the limit
    /// (0 more); Win-back 1,000 / 5 = 0.50%, 25 more ((3,000 - 500) / 97); "Ghost" nothing live-answered (-, 0).
    /// One configuration over; the worst rate 3.16%.
    static var withComparison: DashboardData {
        var d = data
        d.previous = PreviousPeriod(
            from: day(-5), to: day(-1), totalDeliveries: 6160, processed: 5300,
            deliveriesByStatus: [CountEntry("Complete", 5300), CountEntry("Expired", 800), CountEntry("Error", 60)],
            byConfiguration: ["cfg-geneve": PeriodCounts(total: 3000, processed: 2650),
                              "cfg-cjk": PeriodCounts(total: 2100, processed: 1800)],
            byQueue: ["q-coll": PeriodCounts(total: 3900, processed: 3450), "q-ren": PeriodCounts(total: 2260, processed: 1850)],
            processedRate: 5300.0 / 6160.0, abandonedRate: 500.0 / 5300.0, connectRate: 3500.0 / 5300.0)
        d.compliance = ComplianceFigures(rule: .us30d, from: day5.adding(days: -29), to: day5, rows: [
            ComplianceRow(id: "cfg-geneve", name: "Relance clients – Genève", liveAnswered: 316, abandoned: 10),
            ComplianceRow(id: "cfg-cjk", name: "年末キャンペーン", liveAnswered: 500, abandoned: 15),
            ComplianceRow(id: "cfg-winback", name: "Win-back survey", liveAnswered: 1000, abandoned: 5),
            ComplianceRow(id: "cfg-ghost", name: "Ghost", liveAnswered: 0, abandoned: 0),
        ])
        return d
    }
}
