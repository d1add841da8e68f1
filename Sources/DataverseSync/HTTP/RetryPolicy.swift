import CoreValues
import Foundation

/// How long to wait before trying a request again, and when to give up for this round.
///
/// 429 and 503 wait exactly what `Retry-After` says (never less: sending more while throttled makes the service's
/// wait longer); without the header they back off like other faults. Other 5xx answers, timeouts and lost
/// connections back off exponentially with jitter: attempt n waits a random time in
/// [base * 2^(n-1) / 2, base * 2^(n-1)], capped at `maxDelay`.
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var baseDelay: Double
    public var maxDelay: Double
    /// A Retry-After beyond this ends the round instead (the next round waits it out).
    public var maxRetryAfter: Double

    public init(maxAttempts: Int = 6, baseDelay: Double = 1, maxDelay: Double = 60, maxRetryAfter: Double = 900) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    public enum Decision: Equatable, Sendable {
        case retry(after: Double)
        case giveUp
    }

    /// The backoff for the `attempt`-th failure (1-based), `random` in [0, 1).
    public func backoff(attempt: Int, random: Double) -> Double {
        let exponent = min(max(attempt - 1, 0), 30)
        let ceiling = min(maxDelay, baseDelay * pow(2, Double(exponent)))
        return ceiling * (0.5 + 0.5 * min(max(random, 0), 1))
    }

    /// After an HTTP answer with `status` (and its Retry-After header), on the `attempt`-th try.
    public func decide(status: Int, retryAfter: String?, attempt: Int, now: Date, random: Double) -> Decision {
        guard attempt < maxAttempts else { return .giveUp }
        switch status {
        case 429, 503:
            if let text = retryAfter, let seconds = Self.retryAfterSeconds(text, now: now) {
                return seconds <= maxRetryAfter ? .retry(after: seconds) : .giveUp
            }
            return .retry(after: backoff(attempt: attempt, random: random))
        case 500...599:
            return .retry(after: backoff(attempt: attempt, random: random))
        default:
            return .giveUp
        }
    }

    /// After a request that got no answer.
    public func decide(failure: TransportFailure, attempt: Int, random: Double) -> Decision {
        guard attempt < maxAttempts, failure.isTransient else { return .giveUp }
        return .retry(after: backoff(attempt: attempt, random: random))
    }

    /// `Retry-After` as delta-seconds or an HTTP date (RFC 9110 10.2.3); nil when it is neither.
    public static func retryAfterSeconds(_ text: String, now: Date) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed), seconds >= 0 { return Double(seconds) }
        if let seconds = Double(trimmed), seconds >= 0, seconds.isFinite { return seconds.rounded(.up) }
        if let date = HTTPDate.parse(trimmed) { return max(0, date.timeIntervalSince(now).rounded(.up)) }
        return nil
    }
}

/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), as in Date and Retry-After headers.
public enum HTTPDate {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Read by position (the format is fixed: 29 bytes), not by a `DateFormatter`: every page's `Date` header is
    /// read, and making a formatter costs more than the rest of a page's header handling. Nil unless the text is an
    /// IMF-fixdate of a real day (the weekday's name is checked for form, not against the date, as RFC 9110 asks
    /// of recipients).
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count == 29, b[3] == UInt8(ascii: ","), b[4] == 0x20, b[7] == 0x20, b[11] == 0x20, b[16] == 0x20,
              b[19] == UInt8(ascii: ":"), b[22] == UInt8(ascii: ":"), b[25] == 0x20,
              String(decoding: b[26..<29], as: UTF8.self) == "GMT",
              weekdays.contains(String(decoding: b[0..<3], as: UTF8.self)),
              let monthIndex = months.firstIndex(of: String(decoding: b[8..<11], as: UTF8.self)),
              let day = number(b[5..<7]), let year = number(b[12..<16]), let hour = number(b[17..<19]),
              let minute = number(b[20..<22]), let second = number(b[23..<25]),
              day >= 1, day <= LocalDate.daysInMonth(year: year, month: monthIndex + 1), hour < 24, minute < 60,
              second < 61  // 60: a leap second, read as the next second
        else { return nil }
        let days = LocalDate(year: year, month: monthIndex + 1, day: day).dayNumber
        return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for d in digits {
            guard d >= 0x30, d <= 0x39 else { return nil }
            value = value * 10 + Int(d - 0x30)
        }
        return value
    }

    public static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
