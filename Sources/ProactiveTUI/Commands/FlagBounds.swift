/// The accepted range of one numeric flag. `parse` is the flag's transform: a value that is not a number of the
/// flag's kind, or lies outside the range, is a usage error (exit 2) whose message names the flag and the range.
/// (`nan` and `inf`, which `Double` reads, lie outside every range.)
struct FlagBound<Value: Comparable & LosslessStringConvertible & Sendable>: Sendable {
    let flag: String
    /// What the number counts, e.g. "a whole number of days".
    let kind: String
    let range: ClosedRange<Value>

    var accepted: String { "\(flag) takes \(kind) from \(range.lowerBound) to \(range.upperBound)" }

    func parse(_ text: String) throws -> Value {
        guard let value = Value(text), range.contains(value) else { throw FlagValueError(accepted) }
        return value
    }
}

/// Why a flag's value was refused; the argument parser shows it after the value and the flag.
struct FlagValueError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Every numeric flag's bounds, in one place. Sizes are bounded so that no flag can make the program allocate
/// without limit (a 100000×100000 screen) or spin (a refresh every 0 s).
enum FlagBounds {
    // The screen of `snapshot --format text` (and of the startup benchmark).
    static let width = FlagBound<Int>(flag: "--width", kind: "a whole number of columns", range: 20...1000)
    static let height = FlagBound<Int>(flag: "--height", kind: "a whole number of lines", range: 10...500)
    // Filters.
    static let last = FlagBound<Int>(flag: "--last", kind: "a whole number of days", range: 1...36_600)
    // The dashboard's timing.
    static let refresh = FlagBound<Double>(flag: "--refresh", kind: "a number of seconds", range: 0.1...3600)
    static let staleAfter = FlagBound<Double>(flag: "--stale-after", kind: "a number of seconds", range: 1...604_800)
    static let cycle = FlagBound<Double>(flag: "--cycle", kind: "a number of seconds", range: 1...3600)
    static let alertEvery = FlagBound<Double>(flag: "--alert-every", kind: "a number of minutes", range: 0.1...10_080)
    // `import --follow`.
    static let poll = FlagBound<Double>(flag: "--poll", kind: "a number of seconds", range: 0.05...3600)
    // The demo store and its feed.
    static let demoDeliveries = FlagBound<Int>(flag: "--deliveries", kind: "a whole number of deliveries", range: 0...10_000_000)
    static let demoDays = FlagBound<Int>(flag: "--days", kind: "a whole number of days", range: 1...3650)
    static let rate = FlagBound<Double>(flag: "--rate", kind: "a number of deliveries per minute", range: 0...60_000)
    static let seed = FlagBound<UInt64>(flag: "--seed", kind: "a whole number", range: 0...UInt64.max)
    // `sync`.
    static let syncInterval = FlagBound<Double>(flag: "--interval", kind: "a number of seconds", range: 1...86_400)
    static let pageSize = FlagBound<Int>(flag: "--page-size", kind: "a whole number of rows", range: 1...5000)
    static let requestsPerMinute = FlagBound<Int>(flag: "--max-requests-per-minute", kind: "a whole number of requests", range: 1...100_000)
    // `bench`.
    static let benchDeliveries = FlagBound<Int>(flag: "--deliveries", kind: "a whole number of deliveries", range: 1...100_000_000)
    static let benchDays = FlagBound<Int>(flag: "--days", kind: "a whole number of days", range: 1...3650)
    static let csvDeliveries = FlagBound<Int>(flag: "--csv-deliveries", kind: "a whole number of deliveries", range: 0...100_000_000)
    static let states = FlagBound<Int>(flag: "--states", kind: "a whole number of filter states", range: 60...100_000)
    static let baselineStates = FlagBound<Int>(flag: "--baseline-states", kind: "a whole number of filter states", range: 1...100_000)
    static let baselineBudget = FlagBound<Double>(flag: "--baseline-budget", kind: "a number of seconds", range: 0...86_400)
    static let startupRuns = FlagBound<Int>(flag: "--startup-runs", kind: "a whole number of runs", range: 0...100)
}
