import Foundation
import Testing
@testable import DashboardModel

/// A local day and the UTC instants at which it and the next day start, derived by hand from the 2026 rules
/// (cross-checked with `zdump -v -c 2026,2027 ZONE`).
struct DayCase: CustomTestStringConvertible, Sendable {
    var zone: String
    var day: String
    var start: String
    var nextStart: String
    /// Length of the day in seconds, by hand.
    var seconds: Int64
    var testDescription: String { "\(zone) \(day)" }

    static let all: [DayCase] = [
        // EST -5 until 2026-03-08 02:00 local, then EDT -4: the day starts 05:00Z, the next 04:00Z (23 h).
        DayCase(zone: "America/New_York", day: "2026-03-08", start: "2026-03-08T05:00:00Z",
                nextStart: "2026-03-09T04:00:00Z", seconds: 23 * 3600),
        // EDT -4 until 2026-11-01 02:00 local, then EST -5: 04:00Z to 05:00Z next day (25 h).
        DayCase(zone: "America/New_York", day: "2026-11-01", start: "2026-11-01T04:00:00Z",
                nextStart: "2026-11-02T05:00:00Z", seconds: 25 * 3600),
        // Lord Howe +11 until 2026-04-05 02:00 local, then +10:30: 04-04 13:00Z to 04-05 13:30Z (24.5 h).
        DayCase(zone: "Australia/Lord_Howe", day: "2026-04-05", start: "2026-04-04T13:00:00Z",
                nextStart: "2026-04-05T13:30:00Z", seconds: 24 * 3600 + 1800),
        // +10:30 until 2026-10-04 02:00 local, then +11: 10-03 13:30Z to 10-04 13:00Z (23.5 h).
        DayCase(zone: "Australia/Lord_Howe", day: "2026-10-04", start: "2026-10-03T13:30:00Z",
                nextStart: "2026-10-04T13:00:00Z", seconds: 23 * 3600 + 1800),
        // +05:45 all year: local midnight is 18:15Z the day before.
        DayCase(zone: "Asia/Kathmandu", day: "2026-11-01", start: "2026-10-31T18:15:00Z",
                nextStart: "2026-11-01T18:15:00Z", seconds: 86_400),
        // +05:30 all year.
        DayCase(zone: "Asia/Kolkata", day: "2026-11-01", start: "2026-10-31T18:30:00Z",
                nextStart: "2026-11-01T18:30:00Z", seconds: 86_400),
        DayCase(zone: "UTC", day: "2026-11-01", start: "2026-11-01T00:00:00Z",
                nextStart: "2026-11-02T00:00:00Z", seconds: 86_400),
        // Midnight skipped: Santiago -4 -> -3 at 2026-09-06 00:00 local (clocks go to 01:00). The day starts
        // at 04:00Z (local 01:00); the next day at 00:00 -3 = 03:00Z (23 h).
        DayCase(zone: "America/Santiago", day: "2026-09-06", start: "2026-09-06T04:00:00Z",
                nextStart: "2026-09-07T03:00:00Z", seconds: 23 * 3600),
        // Midnight repeated at the end of the day: Santiago -3 -> -4 at 2026-04-05 00:00 local (back to 04-04
        // 23:00). 04-04 starts at 00:00 -3 = 03:00Z; 04-05 starts at 00:00 -4 = 04:00Z (25 h).
        DayCase(zone: "America/Santiago", day: "2026-04-04", start: "2026-04-04T03:00:00Z",
                nextStart: "2026-04-05T04:00:00Z", seconds: 25 * 3600),
        // Midnight skipped: Beirut +2 -> +3 at 2026-03-29 00:00 local: starts 03-28 22:00Z; next 00:00 +3 = 21:00Z.
        DayCase(zone: "Asia/Beirut", day: "2026-03-29", start: "2026-03-28T22:00:00Z",
                nextStart: "2026-03-29T21:00:00Z", seconds: 23 * 3600),
        // Midnight skipped: Havana -5 -> -4 at 2026-03-08 00:00 local: starts 05:00Z; next 00:00 -4 = 04:00Z.
        DayCase(zone: "America/Havana", day: "2026-03-08", start: "2026-03-08T05:00:00Z",
                nextStart: "2026-03-09T04:00:00Z", seconds: 23 * 3600),
        // Midnight twice: Havana -4 -> -5 at 2026-11-01 01:00 local (back to 00:00). The day starts at the first
        // midnight, 04:00Z; the next at 00:00 -5 = 05:00Z (25 h).
        DayCase(zone: "America/Havana", day: "2026-11-01", start: "2026-11-01T04:00:00Z",
                nextStart: "2026-11-02T05:00:00Z", seconds: 25 * 3600),
        // Midnight skipped: Cairo +2 -> +3 at 2026-04-24 00:00 local: starts 04-23 22:00Z; next 04-24 21:00Z.
        DayCase(zone: "Africa/Cairo", day: "2026-04-24", start: "2026-04-23T22:00:00Z",
                nextStart: "2026-04-24T21:00:00Z", seconds: 23 * 3600),
    ]
}

@Suite struct TimeZoneDayBoundaryTests {
    /// Deliveries one second before and at the start of the day, and one second before and at the start of the
    /// next day: the day before gets 1, the day 2, the day after 1.
    @Test(arguments: DayCase.all)
    func deliveriesLandOnTheRightLocalDay(_ c: DayCase) throws {
        let s = try MXStore()
        let start = MX.utc(c.start), next = MX.utc(c.nextStart)
        #expect(next - start == c.seconds)
        func at(_ t: Int64, _ id: String) -> Delivery { Delivery(deliveryId: id, createdOn: t, status: "Complete") }
        try s.write(deliveries: [at(start - 1, "before"), at(start, "first"), at(next - 1, "last"), at(next, "after")])
        let day = MX.day(c.day)
        let data = try s.compute(MX.filters(.all, tz: c.zone))
        #expect(data.mxDates == [
            "\(day.adding(days: -1).iso) 1/1", "\(day.iso) 2/2", "\(day.adding(days: 1).iso) 1/1",
        ])
        // --from/--to on the day alone: both of its deliveries, inclusive at both ends.
        let only = try s.compute(MX.filters(.between(day, day), tz: c.zone))
        #expect(only.totalDeliveries == 2)
        #expect(only.mxDates == ["\(day.iso) 2/2"])
        let twoDays = try s.compute(MX.filters(.between(day.adding(days: -1), day), tz: c.zone))
        #expect(twoDays.totalDeliveries == 3)
    }

    /// Deliveries every 15 minutes from 2026-10-31 12:00Z (quarter 48 of 10-31) to 2026-11-01 23:45Z
    /// (quarter 191): 144 deliveries. How many fall on local 2026-11-01, by hand:
    /// - Kathmandu: day = [10-31 18:15Z, 11-01 18:15Z) = quarters 73..<169 -> 96
    /// - Kolkata: [10-31 18:30Z, 11-01 18:30Z) = 74..<170 -> 96
    /// - UTC: [11-01 00:00Z, 11-02 00:00Z) = 96..<192 -> 96
    /// - New York (25 h day): [11-01 04:00Z, 11-02 05:00Z) = 112..<212, data ends at 191 -> 80
    /// - Lord Howe (+11 all that day): [10-31 13:00Z, 11-01 13:00Z) = 52..<148 -> 96
    @Test(arguments: [("Asia/Kathmandu", 96), ("Asia/Kolkata", 96), ("UTC", 96), ("America/New_York", 80),
                      ("Australia/Lord_Howe", 96)])
    func quarterHourGridSplitsExactly(zone: String, expected: Int) throws {
        let s = try MXStore()
        let base = MX.utc("2026-10-31T00:00:00Z")
        var list: [Delivery] = []
        for q in 48..<192 { list.append(Delivery(deliveryId: "q\(q)", createdOn: base + Int64(q) * 900, status: "Pending")) }
        try s.write(deliveries: list)
        let data = try s.compute(MX.filters(.between(MX.day("2026-11-01"), MX.day("2026-11-01")), tz: zone))
        #expect(data.totalDeliveries == expected)
        let all = try s.compute(MX.filters(.all, tz: zone))
        #expect(all.totalDeliveries == 144)
        #expect(all.byDate.first { $0.date == MX.day("2026-11-01") }?.total == expected)
    }

    @Test func lastDaysUsesTodayInTheZone() throws {
        let s = try MXStore()
        // New York: 2026-11-02T04:30Z is 2026-11-01 23:30 EST, so "today" is 11-01 there and 11-02 in UTC.
        try s.write(deliveries: [
            MX.d("oct31", "2026-10-31T12:00:00Z"),  // NY 10-31 08:00
            MX.d("nov1", "2026-11-01T12:00:00Z"),   // NY 11-01 07:00
            MX.d("late", "2026-11-02T04:10:00Z"),   // NY 11-01 23:10, UTC 11-02
        ])
        let now = "2026-11-02T04:30:00Z"
        let ny1 = try s.compute(MX.filters(.lastDays(1), tz: "America/New_York"), now: now)
        #expect(ny1.totalDeliveries == 2)  // nov1, late
        #expect(ny1.from == MX.day("2026-11-01") && ny1.to == MX.day("2026-11-01"))
        let ny2 = try s.compute(MX.filters(.lastDays(2), tz: "America/New_York"), now: now)
        #expect(ny2.totalDeliveries == 3)
        #expect(ny2.from == MX.day("2026-10-31"))
        let utc1 = try s.compute(MX.filters(.lastDays(1), tz: "UTC"), now: now)
        #expect(utc1.totalDeliveries == 1)  // late only
        #expect(utc1.to == MX.day("2026-11-02"))
        let utc2 = try s.compute(MX.filters(.lastDays(2), tz: "UTC"), now: now)
        #expect(utc2.totalDeliveries == 2)  // nov1, late
    }

    @Test func lastDaysTurnsAtLocalMidnightInKathmandu() throws {
        let s = try MXStore()
        try s.write(deliveries: [
            MX.d("k1", "2026-11-01T18:14:59Z"),  // Kathmandu 11-01 23:59:59
            MX.d("k2", "2026-11-01T18:15:00Z"),  // Kathmandu 11-02 00:00:00
        ])
        let zone = "Asia/Kathmandu"
        let before = try s.compute(MX.filters(.lastDays(1), tz: zone), now: "2026-11-01T18:14:59Z")
        #expect(before.to == MX.day("2026-11-01"))
        #expect(before.totalDeliveries == 1)
        let after = try s.compute(MX.filters(.lastDays(1), tz: zone), now: "2026-11-01T18:15:00Z")
        #expect(after.to == MX.day("2026-11-02"))
        #expect(after.totalDeliveries == 1)
        #expect(after.mxDates == ["2026-11-02 1/0"])
    }

    @Test func lastDaysIncludesTodaysLaterDeliveriesAndStopsAtTomorrow() throws {
        let s = try MXStore()
        // now 2026-11-10 12:00Z in UTC: last 30 days = 10-12 ... 11-10.
        try s.write(deliveries: [
            MX.d("g1", "2026-10-11T23:59:59Z"),  // out
            MX.d("g2", "2026-10-12T00:00:00Z"),  // in
            MX.d("g3", "2026-11-10T23:59:59Z"),  // in (later today)
            MX.d("g4", "2026-11-11T00:00:00Z"),  // out (tomorrow)
        ])
        let data = try s.compute(MX.filters(.lastDays(30)))
        #expect(data.totalDeliveries == 2)
        #expect(data.mxDates == ["2026-10-12 1/0", "2026-11-10 1/0"])
    }

    @Test func sameInstantsGroupDifferentlyPerZone() throws {
        let s = try MXStore()
        // 2026-11-01T18:20Z: Kathmandu 11-02 00:05, Kolkata 11-01 23:50, New York 11-01 13:20, Lord Howe 11-02 05:20.
        // 2026-11-01T03:59:59Z: Kathmandu 11-01 09:44, Kolkata 11-01 09:29, New York 10-31 23:59:59, Lord Howe 11-01 14:59.
        try s.write(deliveries: [MX.d("p", "2026-11-01T18:20:00Z"), MX.d("q", "2026-11-01T03:59:59Z")])
        #expect(try s.compute(MX.filters(tz: "Asia/Kathmandu")).mxDates == ["2026-11-01 1/0", "2026-11-02 1/0"])
        #expect(try s.compute(MX.filters(tz: "Asia/Kolkata")).mxDates == ["2026-11-01 2/0"])
        #expect(try s.compute(MX.filters(tz: "America/New_York")).mxDates == ["2026-10-31 1/0", "2026-11-01 1/0"])
        #expect(try s.compute(MX.filters(tz: "Australia/Lord_Howe")).mxDates == ["2026-11-01 1/0", "2026-11-02 1/0"])
    }
}
