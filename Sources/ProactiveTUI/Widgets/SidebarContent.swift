import Foundation
import DashboardModel

/// A part of the filter sidebar: the duration, the time zone, then one list per filter dimension.
public enum SidebarSection: Hashable, Sendable {
    case duration, timeZone
    case filter(FilterDimension)

    /// Every section, top to bottom.
    public static let all: [SidebarSection] = [.duration, .timeZone] + FilterDimension.allCases.map { .filter($0) }

    public var title: String {
        switch self {
        case .duration: "Duration"
        case .timeZone: "Time zone"
        case .filter(let d): d.title
        }
    }
}

/// The duration choices of the sidebar. `value` of their `SidebarItem` is the raw value.
public enum DurationPreset: String, CaseIterable, Sendable {
    case today, last7 = "7", last30 = "30", last90 = "90", all, custom

    public var label: String {
        switch self {
        case .today: "Today"
        case .last7: "Last 7 days"
        case .last30: "Last 30 days"
        case .last90: "Last 90 days"
        case .all: "All dates"
        case .custom: "Custom range"
        }
    }

    /// The range this preset sets; nil for `custom` (the caller asks for from and to).
    public var range: DateRange? {
        switch self {
        case .today: .lastDays(1)
        case .last7: .lastDays(7)
        case .last30: .lastDays(30)
        case .last90: .lastDays(90)
        case .all: .all
        case .custom: nil
        }
    }

    public static func matching(_ range: DateRange) -> DurationPreset {
        allCases.first { $0.range == range } ?? .custom
    }
}

/// One line of a sidebar list: the value it stands for, what is shown, its count (nil: none shown) and
/// whether it is chosen.
public struct SidebarItem: Hashable, Sendable {
    public var value: String
    public var label: String
    public var count: Int?
    public var checked: Bool

    public init(value: String, label: String, count: Int? = nil, checked: Bool) {
        self.value = value
        self.label = label
        self.count = count
        self.checked = checked
    }
}

/// What the sidebar lists, built from the dashboard data: pure, so navigation can be computed without drawing.
public struct SidebarContent: Hashable, Sendable {
    public var items: [SidebarSection: [SidebarItem]]
    /// One-line summaries for collapsed headings (`Last 30 days`, `Collections Q +1`, `all`).
    public var summaries: [SidebarSection: String]

    public init(items: [SidebarSection: [SidebarItem]], summaries: [SidebarSection: String]) {
        self.items = items
        self.summaries = summaries
    }

    public init(data: DashboardData) {
        let filters = data.filters
        var items: [SidebarSection: [SidebarItem]] = [:]
        var summaries: [SidebarSection: String] = [:]
        let preset = DurationPreset.matching(filters.range)
        items[.duration] = DurationPreset.allCases.map { p in
            var label = p.label
            if p == .custom, case .between(let a, let b) = filters.range { label = "\(a.iso)..\(b.iso)" }
            return SidebarItem(value: p.rawValue, label: label, checked: p == preset)
        }
        summaries[.duration] = FilterSummary.rangeText(filters.range)
        items[.timeZone] = [SidebarItem(value: filters.timeZone, label: filters.timeZone, checked: true)]
        summaries[.timeZone] = filters.timeZone
        for dimension in FilterDimension.allCases {
            let facets = data.facets[dimension] ?? []
            let selected = filters.selected(dimension)
            items[.filter(dimension)] = facets.map {
                SidebarItem(value: $0.value, label: $0.label, count: $0.count,
                            checked: $0.selected || selected.contains($0.value))
            }
            let labels = facets.filter { $0.selected || selected.contains($0.value) }.map(\.label)
                + selected.subtracting(facets.map(\.value)).sorted()
            summaries[.filter(dimension)] = labels.isEmpty ? "all"
                : labels[0] + (labels.count > 1 ? " +\(labels.count - 1)" : "")
        }
        self.init(items: items, summaries: summaries)
    }

    public func items(in section: SidebarSection) -> [SidebarItem] { items[section] ?? [] }

    /// The items whose label contains `search` (case-insensitive); all when `search` is empty.
    public func visibleItems(in section: SidebarSection, search: String) -> [SidebarItem] {
        let all = items(in: section)
        guard !search.isEmpty else { return all }
        return all.filter { $0.label.range(of: search, options: .caseInsensitive) != nil }
    }
}
