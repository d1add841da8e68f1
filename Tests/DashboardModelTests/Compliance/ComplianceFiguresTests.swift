import Foundation
import Testing
@testable import DashboardModel

/// Compliance against hand-counted data in America/New_York, whose clocks go back on 2026-11-01 (EDT -4 to EST
/// -5) inside the 30-day window 2026-10-22 .. 2026-11-20:
/// - the window starts 2026-10-22 00:00 EDT = 04:00Z and ends 2026-11-21 00:00 EST = 05:00Z;
/// - Alpha: LiveAnswer 60, CallEnded 30, CSRCancelled 7, Abandoned 3 (one at the window's first second, one in
///   the repeated hour 01:30 EST on 11-01), NoAnswer 10: live-answered 100, abandoned 3, exactly 3%: not over, 0
///   to the limit. Its two abandoned calls one second before the window and at the second after it are out (either
///   one in would put it over);
/// - Beta: LiveAnswer 40 (one at 11-19 23:59:59 EST), Abandoned 2 (one at 11-20 00:00 EST): 42 / 2 = 4.76%, over;
///   an Abandoned delivery `Expired` and a Pending one do not count (not processed);
/// - Delta (queue q2): LiveAnswer 200, Abandoned 1: 0.50%, 5 to the limit (6/205 = 2.93%, 7/206 = 3.40%);
/// - Gamma: NoAnswer 5: a row with nothing live-answered (rate nil, 0 to the limit);
/// - Epsilon: only Pending: no row.
@Suite struct ComplianceFiguresTests {
    static let zone = "America/New_York"
    static let now = "2026-11-20T18:00:00Z"  // 11-20 13:00 EST

    static func store() throws -> MXStore {
        let s = try MXStore()
        var deliveries: [Delivery] = []
        var n = 0
        func add(_ count: Int, _ config: String, _ status: String, _ result: String, at: String = "2026-11-10T12:00:00Z",
                 queue: String = "q1") {
            for _ in 0..<count {
                n += 1
                deliveries.append(MX.d("d\(n)", at, status, result: result, config: config, queue: queue))
            }
        }
        add(59, "cfg-a", "Complete", "LiveAnswer")
        add(1, "cfg-a", "Complete", "LiveAnswer", at: "2026-11-21T04:59:59Z")  // 11-20 23:59:59 EST: last second in
        add(30, "cfg-a", "Complete", "CallEnded", at: "2026-10-25T15:00:00Z")
        add(7, "cfg-a", "Complete", "CSRCancelled")
        add(1, "cfg-a", "Complete", "Abandoned", at: "2026-10-22T04:00:00Z")  // 10-22 00:00 EDT: first second in
        add(1, "cfg-a", "Complete", "Abandoned", at: "2026-11-01T06:30:00Z")  // 01:30 EST, the repeated hour
        add(1, "cfg-a", "Complete", "Abandoned")
        add(10, "cfg-a", "Complete", "NoAnswer")
        add(1, "cfg-a", "Complete", "Abandoned", at: "2026-10-22T03:59:59Z")  // 10-21 23:59:59 EDT: out
        add(1, "cfg-a", "Complete", "Abandoned", at: "2026-11-21T05:00:00Z")  // 11-21 00:00 EST: out
        add(39, "cfg-b", "Complete", "LiveAnswer")
        add(1, "cfg-b", "Complete", "LiveAnswer", at: "2026-11-20T04:59:59Z")  // 11-19 23:59:59 EST
        add(1, "cfg-b", "Complete", "Abandoned", at: "2026-11-20T05:00:00Z")  // 11-20 00:00 EST
        add(1, "cfg-b", "Complete", "Abandoned")
        add(1, "cfg-b", "Expired", "Abandoned")
        add(1, "cfg-b", "Pending", "")
        add(200, "cfg-d", "Complete", "LiveAnswer", queue: "q2")
        add(1, "cfg-d", "Complete", "Abandoned", queue: "q2")
        add(5, "cfg-g", "Complete", "NoAnswer")
        add(3, "cfg-e", "Pending", "")
        let names = ["cfg-a": "Alpha", "cfg-b": "Beta", "cfg-d": "Delta", "cfg-g": "Gamma", "cfg-e": "Epsilon"]
        try s.write(now: now, deliveries: deliveries,
                    configurations: names.map { Configuration(id: $0.key, name: $0.value) })
        return s
    }

    /// `"Beta 42/2 0.0476 0"`: name, live-answered / abandoned, rate to 4 places, abandons to the limit.
    static func rows(_ data: DashboardData) -> [String] {
        (data.compliance?.rows ?? []).map {
            "\($0.name) \($0.liveAnswered)/\($0.abandoned) \($0.rate.map { String(format: "%.4f", $0) } ?? "nil") \($0.abandonsToLimit())"
        }
    }

    static let expected30d = ["Beta 42/2 0.0476 0", "Alpha 100/3 0.0300 0", "Delta 201/1 0.0050 5", "Gamma 0/0 nil 0"]

    @Test func usThirtyDaysAcrossTheClockChange() throws {
        let s = try Self.store()
        let filters = MX.filters(.between(MX.day("2026-11-14"), MX.day("2026-11-20")), tz: Self.zone)
        let data = try s.compute(filters, now: Self.now)
        let c = try #require(data.compliance)
        #expect(c.rule == .us30d)
        #expect(c.from == MX.day("2026-10-22"))
        #expect(c.to == MX.day("2026-11-20"))
        #expect(Self.rows(data) == Self.expected30d)
        #expect(c.overLimitCount == 1)
        #expect(c.worst?.name == "Beta")
        #expect(c.rows.map { $0.isOver() } == [true, false, false, false])
        #expect(c.limit == 0.03)
    }

    /// The window is the range itself (the dashboard's own totals are reused): the same figures.
    @Test func windowEqualToTheRange() throws {
        let s = try Self.store()
        let data = try s.compute(MX.filters(.between(MX.day("2026-10-22"), MX.day("2026-11-20")), tz: Self.zone), now: Self.now)
        #expect(Self.rows(data) == Self.expected30d)
        let last30 = try s.compute(MX.filters(.lastDays(30), tz: Self.zone), now: Self.now)
        #expect(Self.rows(last30) == Self.expected30d)
        #expect(last30.compliance?.from == MX.day("2026-10-22"))
    }

    /// A window an hour off at either end (as UTC days would be) would count Alpha's calls outside: checked in UTC.
    @Test func utcDaysGiveOtherFigures() throws {
        let s = try Self.store()
        let data = try s.compute(MX.filters(.between(MX.day("2026-11-20"), MX.day("2026-11-20")), tz: "UTC"), now: Self.now)
        // UTC 10-22 .. 11-20: Alpha's 10-22T03:59:59Z abandoned call is in, its 11-21T04:59:59Z live answer is out.
        #expect(Self.rows(data).contains("Alpha 100/4 0.0400 0"))
    }

    @Test func ukTwentyFourHours() throws {
        let s = try Self.store()
        let filters = MX.filters(.between(MX.day("2026-11-14"), MX.day("2026-11-20")), tz: Self.zone)
        let data = MetricsEngine.compute(index: try s.index(), filters: filters, now: MX.instant(Self.now), abandonRule: .uk24h)
        let c = try #require(data.compliance)
        #expect(c.rule == .uk24h)
        #expect((c.from, c.to) == (MX.day("2026-11-20"), MX.day("2026-11-20")))
        // 11-20 EST: Beta's abandoned call at its first second, Alpha's live answer at its last.
        #expect(Self.rows(data) == ["Beta 1/1 1.0000 0", "Alpha 1/0 0.0000 0"])
    }

    /// `--all-dates`: the window ends today in the zone (11-20 in New York at 18:00Z).
    @Test func allDatesEndsToday() throws {
        let s = try Self.store()
        let data = try s.compute(MX.filters(.all, tz: Self.zone), now: Self.now)
        #expect(data.compliance?.from == MX.day("2026-10-22"))
        #expect(data.compliance?.to == MX.day("2026-11-20"))
        #expect(Self.rows(data) == Self.expected30d)
        #expect(data.previous == nil)
    }

    /// Every filter applies but status and result.
    @Test func filtersApplyButStatusAndResult() throws {
        let s = try Self.store()
        let range = DateRange.between(MX.day("2026-11-14"), MX.day("2026-11-20"))
        let statusAndResult = try s.compute(MX.filters(range, tz: Self.zone, [.status: ["Expired"], .result: ["NoAnswer"]]),
                                            now: Self.now)
        #expect(Self.rows(statusAndResult) == Self.expected30d)
        let queue = try s.compute(MX.filters(range, tz: Self.zone, [.queue: ["q2"]]), now: Self.now)
        #expect(Self.rows(queue) == ["Delta 201/1 0.0050 5"])
        let config = try s.compute(MX.filters(range, tz: Self.zone, [.configuration: ["Alpha", "Gamma"]]), now: Self.now)
        #expect(Self.rows(config) == ["Alpha 100/3 0.0300 0", "Gamma 0/0 nil 0"])
        let sms = try s.compute(MX.filters(range, tz: Self.zone, [.channel: ["SMS"]]), now: Self.now)
        #expect(sms.compliance?.rows == [])
    }
}
