import Foundation

/// Filters as a user typed them (flags), before they are checked against what the store knows.
public struct FilterRequest: Sendable, Equatable {
    public var from: String?
    public var to: String?
    public var last: Int?
    public var allDates = false
    public var timeZone: String?
    public var values: [FilterDimension: [String]] = [:]

    public init() {}
}

/// A filter the program cannot apply, worded for the user: what was wrong and what is accepted.
public struct FilterError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Checks a `FilterRequest` and turns it into `DashboardFilters` (CONTRACT.md "Filters").
public enum FilterValidator {
    /// - Parameter known: values each list filter accepts besides the built-in ones (from the store), as
    ///   (value, display name) pairs, e.g. queue ids with their names.
    public static func validate(_ request: FilterRequest, known: [FilterDimension: [(value: String, label: String)]] = [:],
                                environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DashboardFilters {
        let zone = try validateZone(request.timeZone, environment: environment)
        let range = try validateRange(request)
        var filters = DashboardFilters(range: range, timeZone: zone)
        for dimension in FilterDimension.allCases {
            guard let given = request.values[dimension], !given.isEmpty else { continue }
            if given.contains(where: { $0.lowercased() == "all" }) {
                filters.clear(dimension)
                continue
            }
            let accepted = acceptedValues(dimension, known: known[dimension] ?? [])
            var chosen = Set<String>()
            for raw in given {
                let key = KnownValues.normalize(raw)
                guard let match = accepted.first(where: { $0.value == raw })
                    ?? accepted.first(where: { KnownValues.normalize($0.value) == key || KnownValues.normalize($0.label) == key })
                else {
                    let list = accepted.map {
                        $0.label == $0.value ? TextSafety.bounded($0.value)
                            : "\(TextSafety.bounded($0.label)) (\(TextSafety.bounded($0.value)))"
                    }
                    throw FilterError("unknown \(dimension.title.lowercased()) \(TextSafety.quoted(raw)) for \(dimension.flag); accepted: "
                        + (list + ["all"]).joined(separator: ", "))
                }
                chosen.insert(match.value)
            }
            filters.set(dimension, chosen)
        }
        return filters
    }

    public static func validateZone(_ name: String?, environment: [String: String]) throws -> String {
        guard let name else { return DashboardFilters.defaultTimeZone(environment: environment) }
        guard isZoneName(name) else {
            throw FilterError("unknown time zone \(TextSafety.quoted(name)) for --tz; accepted: an IANA name such as UTC, "
                + "America/New_York, Europe/London, Asia/Kolkata, Asia/Kathmandu, Australia/Lord_Howe")
        }
        return name
    }

    /// An IANA zone name the program accepts (Foundation also knows abbreviations such as `EST`: refused).
    public static func isZoneName(_ name: String) -> Bool {
        TimeZone(identifier: name) != nil && (name.contains("/") || name == "UTC" || name == "GMT")
    }

    public static func validateRange(_ r: FilterRequest) throws -> DateRange {
        let exclusive = [r.last != nil, r.allDates, r.from != nil || r.to != nil].filter { $0 }.count
        if exclusive > 1 { throw FilterError("choose one of --last, --all-dates, or --from/--to") }
        if r.allDates { return .all }
        if let n = r.last {
            guard n >= 1 && n <= 36_600 else { throw FilterError("--last takes a number of days from 1 to 36600, not \(n)") }
            return .lastDays(n)
        }
        if r.from != nil || r.to != nil {
            func date(_ text: String?, _ flag: String) throws -> LocalDate? {
                guard let text else { return nil }
                guard let d = LocalDate(iso: text) else {
                    throw FilterError("\(flag) \(TextSafety.quoted(text)) is not a date; accepted: YYYY-MM-DD, e.g. 2026-11-01")
                }
                return d
            }
            let from = try date(r.from, "--from"), to = try date(r.to, "--to")
            let a = from ?? to!, b = to ?? from!
            guard a <= b else { throw FilterError("--from \(a.iso) is after --to \(b.iso)") }
            return .between(a, b)
        }
        return .default
    }

    /// Built-in values of a list filter plus those the store has.
    public static func acceptedValues(_ dimension: FilterDimension, known: [(value: String, label: String)]) -> [(value: String, label: String)] {
        var builtIn: [String]
        switch dimension {
        case .status: builtIn = DeliveryStatus.known.map(\.label)
        case .dialMode: builtIn = DialMode.known.map(\.label) + ["(Blank)"]
        case .result: builtIn = DeliveryResult.knownLabels + ["(Blank)"]
        case .direction: builtIn = [Direction.outgoing.label, Direction.incoming.label]
        case .channel: builtIn = ["Voice", "SMS"]
        case .conversationType: builtIn = ["Unspecified"]
        case .queue, .configuration: builtIn = []
        }
        var out = builtIn.map { (value: $0, label: $0) }
        for pair in known where !out.contains(where: { $0.value == pair.value }) { out.append(pair) }
        return out
    }
}
