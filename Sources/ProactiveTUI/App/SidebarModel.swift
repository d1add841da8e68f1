import DashboardModel
import Foundation

/// What the filter sidebar lists: the duration presets, time zones, then one list per filter with the
/// choices and their counts. Built from the data of the current filters.
struct SidebarModel {
    enum Action: Equatable {
        case setRange(DateRange)
        case customRange
        case setZone(String)
        case otherZone
        case toggle(FilterDimension, String)
    }

    struct Item: Equatable {
        var label: String
        var count: Int?
        var selected: Bool
        var action: Action
    }

    struct Section: Equatable {
        var title: String
        /// The list filter behind this section (nil for duration and time zone).
        var dimension: FilterDimension?
        var items: [Item]
        /// True when none of the values is chosen (the filter is "all").
        var isAll: Bool
    }

    static let zoneChoices = [
        "UTC", "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Sao_Paulo",
        "Europe/London", "Europe/Berlin", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Tokyo", "Australia/Sydney",
        "Australia/Lord_Howe",
    ]

    var sections: [Section]

    init(data: DashboardData, search: String = "", searchSection: Int? = nil) {
        let filters = data.filters
        let presets: [(String, DateRange)] = [("Today", .lastDays(1)), ("Last 7 days", .lastDays(7)),
                                              ("Last 30 days", .lastDays(30)), ("Last 90 days", .lastDays(90)),
                                              ("All dates", .all)]
        var duration = presets.map { Item(label: $0.0, count: nil, selected: filters.range == $0.1, action: .setRange($0.1)) }
        let isCustom = !presets.contains { $0.1 == filters.range }
        duration.append(Item(label: isCustom ? "Custom: " + filters.range.summary : "Custom…", count: nil,
                             selected: isCustom, action: .customRange))
        var zones = Self.zoneChoices
        if !zones.contains(filters.timeZone) { zones.insert(filters.timeZone, at: 0) }
        var zoneItems = zones.map { Item(label: $0, count: nil, selected: $0 == filters.timeZone, action: .setZone($0)) }
        zoneItems.append(Item(label: "Other…", count: nil, selected: false, action: .otherZone))
        sections = [
            Section(title: "Duration", dimension: nil, items: duration, isAll: false),
            Section(title: "Time zone", dimension: nil, items: zoneItems, isAll: false),
        ]
        for dimension in FilterDimension.allCases {
            let index = sections.count
            var values = data.facets[dimension] ?? []
            if index == searchSection, !search.isEmpty {
                values = values.filter { $0.label.range(of: search, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
            }
            let items = values.map { Item(label: $0.label, count: $0.count, selected: $0.selected, action: .toggle(dimension, $0.value)) }
            sections.append(Section(title: dimension.title, dimension: dimension, items: items,
                                    isAll: filters.selected(dimension).isEmpty))
        }
    }

    static let sectionCount = 2 + FilterDimension.allCases.count
}

/// Where the sidebar's cursor is: a section, and an item in each section.
struct SidebarCursor: Equatable {
    var section = 0
    var items: [Int] = Array(repeating: 0, count: SidebarModel.sectionCount)
    /// The search text narrowing the section `searchSection`.
    var search = ""
    var searchSection: Int?

    var item: Int { items[section] }

    mutating func moveItem(by delta: Int, in model: SidebarModel) {
        let count = model.sections[section].items.count
        guard count > 0 else { return }
        items[section] = min(max(0, items[section] + delta), count - 1)
    }

    mutating func moveSection(by delta: Int) {
        section = min(max(0, section + delta), SidebarModel.sectionCount - 1)
    }

    mutating func jumpItem(toEnd: Bool, in model: SidebarModel) {
        let count = model.sections[section].items.count
        items[section] = toEnd ? max(0, count - 1) : 0
    }

    /// Keeps each cursor inside its section after the lists changed (a new query, a search).
    mutating func clamp(to model: SidebarModel) {
        for (i, s) in model.sections.enumerated() { items[i] = min(items[i], max(0, s.items.count - 1)) }
    }

    func currentItem(in model: SidebarModel) -> SidebarModel.Item? {
        let list = model.sections[section].items
        return list.indices.contains(items[section]) ? list[items[section]] : nil
    }
}
