import DashboardModel

/// The active filters in one line: `Last 30 days · America/New_York · Queue: Collections Q +1 · Direction: Outgoing`.
/// Selected values show by their label from the facets (queue and configuration ids become names), in the
/// sidebar's order; more than one value reads `first +N`.
enum FilterSummary {
    static func parts(_ filters: DashboardFilters, facets: [FilterDimension: [FacetValue]]) -> [String] {
        var parts = [rangeText(filters.range), filters.timeZone]
        for dimension in FilterDimension.allCases {
            let selected = filters.selected(dimension)
            guard !selected.isEmpty else { continue }
            let known = facets[dimension] ?? []
            var labels = known.filter { selected.contains($0.value) }.map(\.label)
            let rest = selected.subtracting(known.map(\.value)).sorted()
            labels += rest
            let more = labels.count > 1 ? " +\(labels.count - 1)" : ""
            parts.append("\(dimension.title): \(labels[0])\(more)")
        }
        return parts
    }

    static func text(_ filters: DashboardFilters, facets: [FilterDimension: [FacetValue]],
                            separator: String = " · ") -> String {
        parts(filters, facets: facets).joined(separator: separator)
    }

    /// `Today`, `Last 30 days`, `All dates`, `2026-11-01..2026-11-28`.
    static func rangeText(_ range: DateRange) -> String {
        let s = range.summary
        return s.prefix(1).uppercased() + s.dropFirst()
    }
}
