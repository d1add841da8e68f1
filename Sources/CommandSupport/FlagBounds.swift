/// The accepted range of one numeric flag. `parse` is the flag's transform: a value that is not a number of the
/// flag's kind, or lies outside the range, is a usage error (exit 2) whose message names the flag and the range.
/// (`nan` and `inf`, which `Double` reads, lie outside every range.)
public struct FlagBound<Value: Comparable & LosslessStringConvertible & Sendable>: Sendable {
    public let flag: String
    /// What the number counts, e.g. "a whole number of days".
    public let kind: String
    public let range: ClosedRange<Value>

    public var accepted: String { "\(flag) takes \(kind) from \(range.lowerBound) to \(range.upperBound)" }

    public func parse(_ text: String) throws -> Value {
        guard let value = Value(text), range.contains(value) else { throw FlagValueError(accepted) }
        return value
    }
}

/// Why a flag's value was refused; the argument parser shows it after the value and the flag.
public struct FlagValueError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Every numeric flag's bounds, in one place. Sizes are bounded so that no flag can make the program allocate
/// without limit (a 100000×100000 screen) or spin (a refresh every 0 s).
public enum FlagBounds {
    // The screen of `snapshot --format text` (and of the startup benchmark).
    public static let width = FlagBound<Int>(flag: "--width", kind: "a whole number of columns", range: 20...1000)
    public static let height = FlagBound<Int>(flag: "--height", kind: "a whole number of lines", range: 10...500)
    // Filters.
    public static let last = FlagBound<Int>(flag: "--last", kind: "a whole number of days", range: 1...36_600)
    // The dashboard's timing.
    public static let refresh = FlagBound<Double>(flag: "--refresh", kind: "a number of seconds", range: 0.1...3600)
    public static let staleAfter = FlagBound<Double>(flag: "--stale-after", kind: "a number of seconds", range: 1...604_800)
    public static let cycle = FlagBound<Double>(flag: "--cycle", kind: "a number of seconds", range: 1...3600)
    public static let alertEvery = FlagBound<Double>(flag: "--alert-every", kind: "a number of minutes", range: 0.1...10_080)
    // `import --follow`.
    public static let poll = FlagBound<Double>(flag: "--poll", kind: "a number of seconds", range: 0.05...3600)
    // The demo store and its feed.
    public static let demoDeliveries = FlagBound<Int>(flag: "--deliveries", kind: "a whole number of deliveries", range: 0...10_000_000)
    public static let demoDays = FlagBound<Int>(flag: "--days", kind: "a whole number of days", range: 1...3650)
    public static let rate = FlagBound<Double>(flag: "--rate", kind: "a number of deliveries per minute", range: 0...60_000)
    public static let seed = FlagBound<UInt64>(flag: "--seed", kind: "a whole number", range: 0...UInt64.max)
    // `sync`.
    public static let syncInterval = FlagBound<Double>(flag: "--interval", kind: "a number of seconds", range: 1...86_400)
    public static let pageSize = FlagBound<Int>(flag: "--page-size", kind: "a whole number of rows", range: 1...5000)
    public static let requestsPerMinute = FlagBound<Int>(flag: "--max-requests-per-minute", kind: "a whole number of requests", range: 1...100_000)
    // `bench`.
    public static let benchDeliveries = FlagBound<Int>(flag: "--deliveries", kind: "a whole number of deliveries", range: 1...100_000_000)
    public static let benchDays = FlagBound<Int>(flag: "--days", kind: "a whole number of days", range: 1...3650)
    public static let csvDeliveries = FlagBound<Int>(flag: "--csv-deliveries", kind: "a whole number of deliveries", range: 0...100_000_000)
    public static let states = FlagBound<Int>(flag: "--states", kind: "a whole number of filter states", range: 60...100_000)
    public static let baselineStates = FlagBound<Int>(flag: "--baseline-states", kind: "a whole number of filter states", range: 1...100_000)
    public static let baselineBudget = FlagBound<Double>(flag: "--baseline-budget", kind: "a number of seconds", range: 0...86_400)
    public static let startupRuns = FlagBound<Int>(flag: "--startup-runs", kind: "a whole number of runs", range: 0...100)
}
