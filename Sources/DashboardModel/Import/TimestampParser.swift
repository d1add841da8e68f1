/// ISO-8601 / RFC 3339 timestamps read straight from bytes, to epoch seconds (fractions truncated).
///
/// Accepted: `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or an offset `±HH:MM`, `±HHMM` or `±HH`.
/// The separator may be `T`, `t` or a space; the fraction separator `.` or `,`. The date must be a real calendar
/// day, hours 0-23, minutes and seconds 0-59. A timestamp without a zone is refused: it would be ambiguous.
enum TimestampParser {
    static let expectation = "expected ISO-8601 with Z or an offset, e.g. 2026-11-28T09:30:00Z"

    static func parse(_ text: String) -> Int64? {
        var copy = text
        return copy.withUTF8 { b in b.baseAddress.flatMap { parse($0, b.count) } }
    }

    static func parse(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
        // Shortest form: YYYY-MM-DDTHH:MMZ (17 bytes).
        guard n >= 17 else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int? {
            let d = Int(p[i]) &- 48
            return d >= 0 && d <= 9 ? d : nil
        }
        @inline(__always) func two(_ i: Int) -> Int? {
            guard let a = digit(i), let b = digit(i + 1) else { return nil }
            return a * 10 + b
        }
        guard let y1 = two(0), let y2 = two(2), p[4] == 45, let month = two(5), p[7] == 45, let day = two(8),
            p[10] == 84 || p[10] == 116 || p[10] == 32,
            let hour = two(11), p[13] == 58, let minute = two(14)
        else { return nil }
        let year = y1 * 100 + y2
        guard month >= 1, month <= 12, day >= 1, day <= LocalDate.daysInMonth(year: year, month: month),
            hour <= 23, minute <= 59
        else { return nil }
        var i = 16
        var second = 0
        if i < n, p[i] == 58 {  // :SS
            guard i + 2 < n, let s = two(i + 1), s <= 59 else { return nil }
            second = s
            i += 3
            if i < n, p[i] == 46 || p[i] == 44 {  // fraction: at least one digit, ignored
                i += 1
                let start = i
                while i < n, digit(i) != nil { i += 1 }
                guard i > start else { return nil }
            }
        }
        guard i < n else { return nil }  // no zone
        var offset = 0
        switch p[i] {
        case 90, 122:  // Z z
            i += 1
        case 43, 45:  // + -
            let sign = p[i] == 45 ? -1 : 1
            i += 1
            guard i + 2 <= n, let oh = two(i), oh <= 23 else { return nil }
            i += 2
            var om = 0
            if i < n {
                if p[i] == 58 { i += 1 }
                guard i + 2 <= n, let m = two(i), m <= 59 else { return nil }
                om = m
                i += 2
            }
            offset = sign * (oh * 3600 + om * 60)
        default:
            return nil
        }
        guard i == n else { return nil }
        let days = Int64(LocalDate(year: year, month: month, day: day).dayNumber)
        return days * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset)
    }
}
