import Foundation

/// A calendar day in some time zone, without a time: what the dashboard's date axis counts in.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (a real calendar day); nil otherwise.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), d >= 1, d <= LocalDate.daysInMonth(year: y, month: m)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD`, as `String(format: "%04d-%02d-%02d")` writes it; the usual case (years 0...9999, real
    /// months and days) is written digit by digit, without Foundation's formatter (the screen asks for hundreds a
    /// frame).
    public var iso: String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            return String(format: "%04d-%02d-%02d", year, month, day)
        }
        func digit(_ n: Int) -> UInt8 { UInt8(truncatingIfNeeded: 48 + n) }
        let bytes: [UInt8] = [digit(year / 1000), digit(year / 100 % 10), digit(year / 10 % 10), digit(year % 10), 45,
                              digit(month / 10), digit(month % 10), 45, digit(day / 10), digit(day % 10)]
        return String(decoding: bytes, as: UTF8.self)
    }
    public var description: String { iso }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (no time zone involved).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Day of the week, 0 = Monday ... 6 = Sunday.
    public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 }

    /// The local day that contains the instant `epochSeconds` in `zone`.
    public static func containing(epochSeconds: Int64, in zone: TimeZone) -> LocalDate {
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(epochSeconds)))
        let local = epochSeconds + Int64(offset)
        return LocalDate(dayNumber: Int(floorDiv(local, 86_400)))
    }

    /// The UTC instant at which this day starts in `zone` (the first instant whose local date is this day).
    public func startInstant(in zone: TimeZone) -> Int64 {
        let midnight = Int64(dayNumber) * 86_400
        // Try the offsets in force around local midnight; pick the earliest instant that maps to this day.
        var best: Int64? = nil
        for probe in [midnight - 86_400, midnight, midnight + 86_400] {
            let offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(probe))))
            let candidate = midnight - offset
            if LocalDate.containing(epochSeconds: candidate, in: zone) == self,
                LocalDate.containing(epochSeconds: candidate - 1, in: zone) != self
            {
                best = min(best ?? candidate, candidate)
            }
        }
        if let best { return best }
        // Midnight skipped by a transition: the day starts at the transition itself. Search the 24h around it.
        var lo = midnight - 14 * 3600 - 86_400
        var hi = midnight + 14 * 3600 + 86_400
        while LocalDate.containing(epochSeconds: lo, in: zone) >= self { lo -= 86_400 }
        while LocalDate.containing(epochSeconds: hi, in: zone) < self { hi += 86_400 }
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if LocalDate.containing(epochSeconds: mid, in: zone) >= self { hi = mid } else { lo = mid }
        }
        return hi
    }
}

/// `a / b` rounded toward minus infinity (days and slots before 1970 included).
@inlinable public func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
