import Foundation
import CoreValues

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

/// Checks a `FilterRequest` and turns it into `DashboardFilters` (CONTRACT.md "Filters").
public enum FilterValidator {
    /// - Parameter known: values each list filter accepts besides the built-in ones (from the store), as
    ///   (value, display name) pairs, e.g. queue ids with their names.
    public static func validate(_ request: FilterRequest, known: [FilterDimension: [(value: String, label: String)]] = [:],
                                environment: [String: String] = ProcessEnvironment.values) throws -> DashboardFilters {
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
                    throw FilterError.unknownValue(dimension, given: raw,
                                                   accepted: accepted.map { AcceptedValue(value: $0.value, label: $0.label) })
                }
                chosen.insert(match.value)
            }
            filters.set(dimension, chosen)
        }
        return filters
    }

    public static func validateZone(_ name: String?, environment: [String: String]) throws -> String {
        guard let name else { return DashboardFilters.defaultTimeZone(environment: environment) }
        guard isZoneName(name) else { throw FilterError.unknownTimeZone(name) }
        return name
    }

    /// An IANA zone name the program accepts (Foundation also knows abbreviations such as `EST`: refused).
    public static func isZoneName(_ name: String) -> Bool {
        TimeZone(identifier: name) != nil && (name.contains("/") || name == "UTC" || name == "GMT")
    }

    /// The day counts `last` accepts.
    public static let lastDaysBounds = 1...36_600

    public static func validateRange(_ r: FilterRequest) throws -> DateRange {
        let exclusive = [r.last != nil, r.allDates, r.from != nil || r.to != nil].filter { $0 }.count
        if exclusive > 1 { throw FilterError.moreThanOneRange }
        if r.allDates { return .all }
        if let n = r.last {
            guard FilterValidator.lastDaysBounds.contains(n) else { throw FilterError.lastDaysOutOfRange(n) }
            return .lastDays(n)
        }
        if r.from != nil || r.to != nil {
            func date(_ text: String?, _ bound: FilterError.RangeBound) throws -> LocalDate? {
                guard let text else { return nil }
                guard let d = LocalDate(iso: text) else { throw FilterError.notADate(bound, text) }
                return d
            }
            let from = try date(r.from, .from), to = try date(r.to, .to)
            guard let a = from ?? to, let b = to ?? from else { return .default }
            guard a <= b else { throw FilterError.fromAfterTo(a, b) }
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
