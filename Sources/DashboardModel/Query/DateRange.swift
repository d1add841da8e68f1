/// The dashboard's duration: inclusive local dates in the filter's time zone.
public enum DateRange: Hashable, Sendable {
    /// The last N days including today.
    case lastDays(Int)
    /// From and to, both inclusive.
    case between(LocalDate, LocalDate)
    /// No date limit.
    case all

    public static let `default` = DateRange.lastDays(30)

    /// The concrete first and last day for a given "today"; nil bounds mean unbounded.
    public func bounds(today: LocalDate) -> (from: LocalDate?, to: LocalDate?) {
        switch self {
        case .lastDays(let n): (today.adding(days: -(max(n, 1) - 1)), today)
        case .between(let a, let b): (a, b)
        case .all: (nil, nil)
        }
    }

    /// Short text for the header: "last 30 days", "2026-11-01 – 2026-11-28", "all dates".
    public var summary: String {
        switch self {
        case .lastDays(1): "today"
        case .lastDays(let n): "last \(n) days"
        case .between(let a, let b): a == b ? a.iso : "\(a.iso)..\(b.iso)"
        case .all: "all dates"
        }
    }
}
