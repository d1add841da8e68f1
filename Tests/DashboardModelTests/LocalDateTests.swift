import Foundation
import Testing
@testable import DashboardModel

@Suite struct LocalDateTests {
    /// The digit-by-digit `iso` writes what `String(format:)` wrote, in the usual years and outside them.
    @Test func isoMatchesFormat() {
        for (y, m, d) in [(2026, 3, 9), (1, 1, 1), (0, 12, 31), (999, 10, 5), (9999, 12, 31), (10000, 1, 1), (-5, 2, 3),
                          (1970, 1, 1), (2024, 2, 29), (2026, 100, 7)] {
            #expect(LocalDate(year: y, month: m, day: d).iso == String(format: "%04d-%02d-%02d", y, m, d))
        }
        var day = LocalDate(year: 1999, month: 12, day: 1)
        for _ in 0..<800 {
            #expect(day.iso == String(format: "%04d-%02d-%02d", day.year, day.month, day.day))
            day = day.adding(days: 1)
        }
    }

    @Test func dayNumberKnownValues() {
        #expect(LocalDate(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(LocalDate(year: 1969, month: 12, day: 31).dayNumber == -1)
        #expect(LocalDate(year: 1970, month: 1, day: 2).dayNumber == 1)
        // 2000-03-01: 30 years (7 leap years 72..96) = 10957 days to 2000-01-01, + 31 + 29 = 11017.
        #expect(LocalDate(year: 2000, month: 3, day: 1).dayNumber == 11017)
        // 2026-11-01: 2026-01-01 is 20454 (56 years, 14 leap: 72..2024 = 56*365+14), + 304 days (Jan..Oct).
        #expect(LocalDate(year: 2026, month: 1, day: 1).dayNumber == 20454)
        #expect(LocalDate(year: 2026, month: 11, day: 1).dayNumber == 20454 + 304)
    }

    @Test func dayNumberRoundTrip() {
        for n in stride(from: -800_000, through: 800_000, by: 7) {
            #expect(LocalDate(dayNumber: n).dayNumber == n, "day \(n)")
        }
        for n in -1000...1000 { #expect(LocalDate(dayNumber: n).dayNumber == n) }
    }

    @Test func dayNumberMatchesFoundationCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // Foundation's Gregorian calendar turns Julian before 1582, so compare from 1600 to 2400.
        let first = LocalDate(year: 1600, month: 1, day: 1).dayNumber
        let last = LocalDate(year: 2400, month: 12, day: 31).dayNumber
        for n in stride(from: first, through: last, by: 13) {
            let c = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(n) * 86_400))
            let day = LocalDate(dayNumber: n)
            #expect(day.year == c.year && day.month == c.month && day.day == c.day, "day \(n)")
        }
    }

    @Test func addingAndOrdering() {
        #expect(MX.day("2026-02-28").adding(days: 1) == MX.day("2026-03-01"))
        #expect(MX.day("2028-02-28").adding(days: 1) == MX.day("2028-02-29"))
        #expect(MX.day("2026-12-31").adding(days: 1) == MX.day("2027-01-01"))
        #expect(MX.day("2026-11-10").adding(days: -29) == MX.day("2026-10-12"))
        #expect(MX.day("2026-01-31") < MX.day("2026-02-01"))
        #expect(MX.day("2025-12-31") < MX.day("2026-01-01"))
        // 2026-11-01 is a Sunday (6); 2026-11-02 a Monday (0).
        #expect(MX.day("2026-11-01").weekday == 6)
        #expect(MX.day("2026-11-02").weekday == 0)
        #expect(LocalDate(dayNumber: 0).weekday == 3)  // 1970-01-01 was a Thursday
    }

    @Test func isoParsing() {
        #expect(LocalDate(iso: "2024-02-29") == LocalDate(year: 2024, month: 2, day: 29))
        #expect(LocalDate(iso: "2000-02-29") != nil)
        #expect(LocalDate(iso: "2026-02-29") == nil)
        #expect(LocalDate(iso: "1900-02-29") == nil)
        #expect(LocalDate(iso: "2026-13-01") == nil)
        #expect(LocalDate(iso: "2026-04-31") == nil)
        #expect(LocalDate(iso: "2026-1-01") == nil)
        #expect(LocalDate(iso: "2026-11-01T00:00") == nil)
        #expect(LocalDate(iso: "") == nil)
        #expect(MX.day("2026-11-01").iso == "2026-11-01")
        #expect(LocalDate(year: 987, month: 6, day: 5).iso == "0987-06-05")
    }

    @Test func containingAroundMidnights() {
        let ny = TimeZone(identifier: "America/New_York")!
        #expect(LocalDate.containing(epochSeconds: MX.utc("2026-11-01T03:59:59Z"), in: ny) == MX.day("2026-10-31"))
        #expect(LocalDate.containing(epochSeconds: MX.utc("2026-11-01T04:00:00Z"), in: ny) == MX.day("2026-11-01"))
        #expect(LocalDate.containing(epochSeconds: MX.utc("2026-11-02T04:59:59Z"), in: ny) == MX.day("2026-11-01"))
        #expect(LocalDate.containing(epochSeconds: MX.utc("2026-11-02T05:00:00Z"), in: ny) == MX.day("2026-11-02"))
        let ktm = TimeZone(identifier: "Asia/Kathmandu")!
        #expect(LocalDate.containing(epochSeconds: MX.utc("2026-11-01T18:14:59Z"), in: ktm) == MX.day("2026-11-01"))
        #expect(LocalDate.containing(epochSeconds: MX.utc("2026-11-01T18:15:00Z"), in: ktm) == MX.day("2026-11-02"))
        let utc = TimeZone(identifier: "UTC")!
        #expect(LocalDate.containing(epochSeconds: -1, in: utc) == MX.day("1969-12-31"))
        #expect(LocalDate.containing(epochSeconds: 0, in: utc) == MX.day("1970-01-01"))
    }

    /// Hand-derived starts (see `DayCase`), including days whose midnight is skipped or repeated.
    @Test(arguments: DayCase.all)
    func startInstantOfHandDerivedDays(_ c: DayCase) {
        let zone = TimeZone(identifier: c.zone)!
        let day = MX.day(c.day)
        #expect(day.startInstant(in: zone) == MX.utc(c.start))
        #expect(day.adding(days: 1).startInstant(in: zone) == MX.utc(c.nextStart))
    }

    @Test func foundationHasTheSkippedMidnights() {
        // The tz data really skips these midnights in 2026 (so the test above exercises the search path).
        for (zoneName, instant) in [("America/Santiago", "2026-09-06T03:59:59Z"), ("Asia/Beirut", "2026-03-28T21:59:59Z"),
                                    ("America/Havana", "2026-03-08T04:59:59Z"), ("Africa/Cairo", "2026-04-23T21:59:59Z")] {
            let zone = TimeZone(identifier: zoneName)!
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let next = MX.instant(instant).addingTimeInterval(1)
            let c = calendar.dateComponents([.hour, .minute], from: next)
            #expect(c.hour == 1 && c.minute == 0, "\(zoneName): one second after 23:59:59 reads \(c)")
        }
    }

    /// Every day of 2025-2027 in a range of zones: the start agrees with Foundation's `startOfDay`, the instant
    /// before it lies on the previous day, and it falls on a 15-minute slot boundary.
    @Test(arguments: ["UTC", "America/New_York", "America/Los_Angeles", "America/St_Johns", "America/Santiago",
                      "America/Havana", "America/Asuncion", "America/Sao_Paulo", "Europe/London", "Europe/Berlin",
                      "Africa/Cairo", "Asia/Beirut", "Asia/Gaza", "Asia/Tehran", "Asia/Kolkata", "Asia/Kathmandu",
                      "Pacific/Chatham", "Australia/Adelaide", "Australia/Lord_Howe",
                      "Australia/Eucla", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Pacific/Marquesas",
                      "America/Scoresbysund", "Antarctica/Troll"])
    func startInstantAgreesWithFoundation(_ zoneName: String) {
        guard let zone = TimeZone(identifier: zoneName) else { return }  // a name this system does not know
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var day = MX.day("2025-01-01")
        while day <= MX.day("2027-12-31") {
            let start = day.startInstant(in: zone)
            #expect(LocalDate.containing(epochSeconds: start, in: zone) == day, "\(zoneName) \(day)")
            #expect(LocalDate.containing(epochSeconds: start - 1, in: zone) == day.adding(days: -1), "\(zoneName) \(day)")
            #expect(start % TimeSlots.slotSeconds == 0, "\(zoneName) \(day) starts off a slot boundary")
            // Foundation: the start of the day containing start + 12 h (inside the day, every day is >= 23 h).
            let noon = start + 12 * 3600
            let foundation = Int64(calendar.startOfDay(for: Date(timeIntervalSince1970: TimeInterval(noon))).timeIntervalSince1970)
            #expect(start == foundation, "\(zoneName) \(day): \(start) vs Foundation \(foundation)")
            day = day.adding(days: 1)
        }
    }

    /// The slot design assumes every zone's offset is a multiple of 15 minutes: check all zones Foundation
    /// knows, at the start of 2026 and after each of their transitions through 2027.
    @Test func everyZoneOffsetIsAQuarterHourIn2026And2027() {
        let start = MX.instant("2026-01-01T00:00:00Z"), end = MX.instant("2028-01-01T00:00:00Z")
        for name in TimeZone.knownTimeZoneIdentifiers {
            guard let zone = TimeZone(identifier: name) else { continue }
            var at = start
            var guardCount = 0
            while at < end, guardCount < 20 {
                #expect(zone.secondsFromGMT(for: at) % 900 == 0, "\(name) at \(at)")
                guard let next = zone.nextDaylightSavingTimeTransition(after: at) else { break }
                at = next
                guardCount += 1
            }
        }
    }
}
