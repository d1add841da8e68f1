import Foundation
import CoreValues

/// Every filter of the dashboard in one value (CONTRACT.md "Filters"). An empty selection means "all".
public struct DashboardFilters: Hashable, Sendable {
    public var range: DateRange
    /// IANA time zone identifier.
    public var timeZone: String
    public var selections: [FilterDimension: Set<String>]

    public init(range: DateRange = .default, timeZone: String = DashboardFilters.defaultTimeZone(),
                selections: [FilterDimension: Set<String>] = [.direction: ["Outgoing"]]) {
        self.range = range
        self.timeZone = timeZone
        self.selections = selections.filter { !$0.value.isEmpty }
    }

    /// The defaults of CONTRACT.md: last 30 days, direction Outgoing, every other filter all.
    public static func defaults(timeZone: String = DashboardFilters.defaultTimeZone()) -> DashboardFilters {
        DashboardFilters(timeZone: timeZone)
    }

    public func selected(_ dimension: FilterDimension) -> Set<String> { selections[dimension] ?? [] }

    public mutating func set(_ dimension: FilterDimension, _ values: Set<String>) {
        selections[dimension] = values.isEmpty ? nil : values
    }

    public mutating func toggle(_ dimension: FilterDimension, _ value: String) {
        var current = selected(dimension)
        if current.contains(value) { current.remove(value) } else { current.insert(value) }
        set(dimension, current)
    }

    public mutating func clear(_ dimension: FilterDimension) { selections[dimension] = nil }

    /// Clears every list filter and the direction default too; the date range and zone stay.
    public mutating func clearAll() { selections = [:] }

    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")! }

    /// `$TZ`, else the system zone, else UTC.
    public static func defaultTimeZone(environment: [String: String] = ProcessEnvironment.values) -> String {
        if let tz = environment["TZ"], !tz.isEmpty {
            let name = tz.hasPrefix(":") ? String(tz.dropFirst()) : tz
            if TimeZone(identifier: name) != nil { return name }
        }
        let system = TimeZone.current.identifier
        return system.isEmpty ? "UTC" : system
    }
}
