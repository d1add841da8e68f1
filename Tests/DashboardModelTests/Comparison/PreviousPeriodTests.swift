import Foundation
import Testing
@testable import DashboardModel

/// The previous period by hand, in America/New_York around its clock change (2026-11-01, EDT -4 to EST -5).
/// Range 2026-11-01 .. 2026-11-07 (7 days; 11-01 starts at 04:00Z, 11-08 at 05:00Z); previous 10-25 .. 10-31
/// (10-25 starts at 04:00Z, 11-01 at 04:00Z).
/// - range: Complete 3 (A, one at its first second 11-01T04:00Z, one at its last 11-08T04:59:59Z), Pending 1 (B);
/// - previous: Complete 1 (A, at its first second 10-25T04:00Z; result Abandoned), Expired 2 (B, one at its last
///   second 11-01T03:59:59Z); one Complete at 10-25T03:59:59Z (10-24) is in neither.
@Suite struct PreviousPeriodTests {
    static let zone = "America/New_York"

    static func store() throws -> MXStore {
        let s = try MXStore()
        try s.write(now: "2026-11-08T12:00:00Z", deliveries: [
            MX.d("r1", "2026-11-01T04:00:00Z", "Complete", result: "LiveAnswer", config: "A", queue: "Q1"),
            MX.d("r2", "2026-11-04T12:00:00Z", "Complete", result: "LiveAnswer", config: "A", queue: "Q1"),
            MX.d("r3", "2026-11-08T04:59:59Z", "Complete", result: "NoAnswer", config: "A", queue: "Q2"),
            MX.d("r4", "2026-11-05T12:00:00Z", "Pending", config: "B", queue: "Q2"),
            MX.d("p1", "2026-10-25T04:00:00Z", "Complete", result: "Abandoned", config: "A", queue: "Q1"),
            MX.d("p2", "2026-10-28T12:00:00Z", "Expired", config: "B", queue: "Q2"),
            MX.d("p3", "2026-11-01T03:59:59Z", "Expired", config: "B", queue: "Q2"),
            MX.d("x1", "2026-10-25T03:59:59Z", "Complete", result: "LiveAnswer", config: "A", queue: "Q1"),
            MX.d("x2", "2026-11-08T05:00:00Z", "Complete", result: "LiveAnswer", config: "A", queue: "Q1"),
        ])
        return s
    }

    @Test func previousDaysAcrossTheClockChange() throws {
        let s = try Self.store()
        let data = try s.compute(MX.filters(.between(MX.day("2026-11-01"), MX.day("2026-11-07")), tz: Self.zone))
        #expect(data.totalDeliveries == 4)
        let p = try #require(data.previous)
        #expect(p.from == MX.day("2026-10-25"))
        #expect(p.to == MX.day("2026-10-31"))
        #expect(p.totalDeliveries == 3)
        #expect(p.processed == 1)
        #expect(p.deliveriesByStatus == [CountEntry("Complete", 1), CountEntry("Expired", 2)])
        #expect(p.byConfiguration == ["A": PeriodCounts(total: 1, processed: 1), "B": PeriodCounts(total: 2, processed: 0)])
        #expect(p.byQueue == ["Q1": PeriodCounts(total: 1, processed: 1), "Q2": PeriodCounts(total: 2, processed: 0)])
        #expect(p.processedRate == 1.0 / 3.0)
        #expect(p.abandonedRate == 1.0)
        #expect(p.connectRate == 1.0)
    }

    @Test func lastDaysAndFilters() throws {
        let s = try Self.store()
        // Today is 11-08 in New York (12:00Z = 07:00 EST); the last 8 days are 11-01 .. 11-08, previous 10-24 .. 10-31.
        let data = try s.compute(MX.filters(.lastDays(8), tz: Self.zone), now: "2026-11-08T12:00:00Z")
        #expect(data.from == MX.day("2026-11-01"))
        let p = try #require(data.previous)
        #expect((p.from, p.to) == (MX.day("2026-10-24"), MX.day("2026-10-31")))
        #expect(p.totalDeliveries == 4)  // x1 (10-24) too
        #expect(p.processed == 2)
        // The filters apply to the previous period as to the range (status too).
        let complete = try s.compute(MX.filters(.lastDays(8), tz: Self.zone, [.status: ["Complete"]]), now: "2026-11-08T12:00:00Z")
        #expect(complete.previous?.totalDeliveries == 2)
        #expect(complete.previous?.deliveriesByStatus == [CountEntry("Complete", 2)])
        let queue = try s.compute(MX.filters(.lastDays(8), tz: Self.zone, [.queue: ["Q2"]]), now: "2026-11-08T12:00:00Z")
        #expect(queue.previous?.totalDeliveries == 2)
        #expect(queue.previous?.processed == 0)
        #expect(queue.previous?.processedRate == 0)
        #expect(queue.previous?.abandonedRate == nil)
    }

    @Test func noPreviousForAllDates() throws {
        let s = try Self.store()
        #expect(try s.compute(MX.filters(.all, tz: Self.zone)).previous == nil)
    }

    @Test func aPreviousPeriodWithNothing() throws {
        let s = try Self.store()
        let p = try #require(try s.compute(MX.filters(.between(MX.day("2026-09-01"), MX.day("2026-09-02")), tz: Self.zone)).previous)
        #expect((p.from, p.to) == (MX.day("2026-08-30"), MX.day("2026-08-31")))
        #expect(p.totalDeliveries == 0)
        #expect(p.deliveriesByStatus == [])
        #expect(p.processedRate == nil)
    }
}
