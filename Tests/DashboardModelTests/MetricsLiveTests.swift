import Foundation
import Testing
@testable import DashboardModel

/// The live figures. now = 2026-11-10 12:00:00Z, zone UTC.
///
/// | id | created     | status    | result     | modified (completion) | queue | conversation |
/// | p1 | 09-01 10:00 | Pending   |            |                       | Q1    |              |
/// | p2 | 11-10 08:00 | Pending   |            |                       | Q1    |              |
/// | p3 | 11-10 09:00 | Pending   |            |                       | Q2    |              |
/// | i1 | 10-01 10:00 | InProcess |            |                       | Q1    |              |
/// | i2 | 11-09 10:00 | InProcess |            |                       | Q1    | cv-in        |
/// | c1 | 11-10 07:00 | Complete  | CallEnded  | 11:30:00 (30 min ago) | Q1    |              |
/// | c2 | 11-10 07:00 | Complete  | Abandoned  | 11:00:30 (59.5 min)   | Q1    |              |
/// | c3 | 11-10 07:00 | Complete  | LiveAnswer | 10:59:00 (61 min)     | Q1    |              |
/// | c4 | 11-10 07:00 | Complete  | NoAnswer   | 11:59:59 (1 s)        | Q2    |              |
/// | c5 | 11-10 07:00 | Complete  | CallEnded  | 10:00:00 (2 h)        | Q2    |              |
/// | c6 | 11-10 07:00 | Complete  | CallEnded  | 10:59:59 (60 min 1 s) | Q2    |              |
/// | e1 | 11-10 07:00 | Expired   | Expired    | 11:50:00              | Q1    |              |
@Suite struct MetricsLiveTests {
    static let now = "2026-11-10T12:00:00Z"
    let s: MXStore

    init() throws {
        s = try MXStore()
        func c(_ id: String, _ result: String, _ modified: String, _ queue: String) -> Delivery {
            MX.d(id, "2026-11-10T07:00:00Z", "Complete", result: result, queue: queue, modified: "2026-11-10T\(modified)Z")
        }
        try s.write(now: Self.now, deliveries: [
            MX.d("p1", "2026-09-01T10:00:00Z", queue: "Q1"),
            MX.d("p2", "2026-11-10T08:00:00Z", queue: "Q1"),
            MX.d("p3", "2026-11-10T09:00:00Z", queue: "Q2"),
            MX.d("i1", "2026-10-01T10:00:00Z", "InProcess", queue: "Q1"),
            MX.d("i2", "2026-11-09T10:00:00Z", "InProcess", queue: "Q1", conversation: "cv-in"),
            c("c1", "CallEnded", "11:30:00", "Q1"),
            c("c2", "Abandoned", "11:00:30", "Q1"),
            c("c3", "LiveAnswer", "10:59:00", "Q1"),
            c("c4", "NoAnswer", "11:59:59", "Q2"),
            c("c5", "CallEnded", "10:00:00", "Q2"),
            c("c6", "CallEnded", "10:59:59", "Q2"),
            MX.d("e1", "2026-11-10T07:00:00Z", "Expired", result: "Expired", queue: "Q1", modified: "2026-11-10T11:50:00Z"),
        ], conversations: [Conversation(id: "cv-in", isOutbound: false)])
    }

    func live(_ range: DateRange = .lastDays(1), _ selections: [FilterDimension: Set<String>] = [:],
              now: String = MetricsLiveTests.now) throws -> LiveFigures {
        let data = try s.compute(MX.filters(range, selections), now: now)
        return try #require(data.live)
    }

    @Test func pendingAndInProgressIgnoreTheDateRange() throws {
        let l = try live(.lastDays(1))
        // p1 (September) and i1 (October) are outside "today" but still pending / in progress.
        #expect(l.pending == 3)
        #expect(l.inProgress == 2)
        let between = try live(.between(MX.day("2026-01-01"), MX.day("2026-01-02")))
        #expect(between.pending == 3 && between.inProgress == 2)
    }

    @Test func pendingAndInProgressHonourTheOtherFilters() throws {
        let q1 = try live(.lastDays(1), [.queue: ["Q1"]])
        #expect(q1.pending == 2)     // p1 p2
        #expect(q1.inProgress == 2)  // i1 i2
        let q1Out = try live(.lastDays(1), [.queue: ["Q1"], .direction: ["Outgoing"]])
        #expect(q1Out.inProgress == 1)  // i2 is Incoming
        let completeOnly = try live(.lastDays(1), [.status: ["Complete"]])
        #expect(completeOnly.pending == 0 && completeOnly.inProgress == 0)
    }

    @Test func throughputCountsCompletionsOfTheLastHour() throws {
        // In the hour before 12:00:00: c1 (11:30), c2 (11:00:30), c4 (11:59:59). Not c3 (61 min), c5 (2 h),
        // c6 (60 min 1 s), nor e1 (Expired).
        let l = try live()
        #expect(l.throughputPerHour == 3)
        // Q1 only: c1 c2.
        #expect(try live(.lastDays(1), [.queue: ["Q1"]]).throughputPerHour == 2)
        // Throughput ignores the date range too.
        #expect(try live(.between(MX.day("2026-01-01"), MX.day("2026-01-01"))).throughputPerHour == 3)
        // At 12:29: c1 (11:30, 59 min ago) and c4 count; c2 is 88.5 min old.
        #expect(try live(now: "2026-11-10T12:29:00Z").throughputPerHour == 2)
        // Three hours later nothing is recent.
        #expect(try live(now: "2026-11-10T15:00:00Z").throughputPerHour == 0)
    }

    @Test func timeToClearAndRates() throws {
        let l = try live()
        // 3 pending at 3 per hour: one hour.
        #expect(l.secondsToClear == 3600)
        // Today: p2 p3 c1..c6 e1 = 9 deliveries, 6 processed (c1..c6).
        #expect(l.processedRate == 6.0 / 9.0)
        // Connected: CallEnded (c1 c5 c6), LiveAnswer (c3), Abandoned (c2) = 5 of 6; abandoned 1 of 6.
        #expect(l.connectRate == 5.0 / 6.0)
        #expect(l.abandonedRate == 1.0 / 6.0)
    }

    @Test func noThroughputNoTimeToClearAndNoRatesWithoutData() throws {
        let l = try live(.lastDays(1), [.queue: ["Q1"]], now: "2026-11-10T15:00:00Z")
        #expect(l.throughputPerHour == 0 && l.secondsToClear == nil)
        let none = try live(.lastDays(1), [.queue: ["Nowhere"]])
        #expect(none.processedRate == nil && none.connectRate == nil && none.abandonedRate == nil)
        #expect(none.pending == 0)
    }

    @Test func aCompletionMovedByALaterVersionCountsOnce() throws {
        // A second version of c5 (completed at 10:00) stamped 11:45 moves its completion into the hour; it
        // must count once, at its new stamp. c4 again with the same stamp is skipped.
        try s.write(now: Self.now, deliveries: [
            MX.d("c4", "2026-11-10T07:00:00Z", "Complete", result: "CallEnded", queue: "Q2", modified: "2026-11-10T11:59:59Z"),
            MX.d("c5", "2026-11-10T07:00:00Z", "Complete", result: "CallEnded", queue: "Q2", modified: "2026-11-10T11:45:00Z"),
        ])
        // c4 is identical in stamp -> skipped; c5 moves from 10:00 to 11:45 -> now inside the hour: c1 c2 c4 c5.
        #expect(try live().throughputPerHour == 4)
    }
}
