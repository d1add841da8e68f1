extension AggregateIndex {
    /// Values the store holds for each list filter, with display names (for validating command-line filters).
    public var knownFilterValues: [FilterDimension: [(value: String, label: String)]] {
        var out: [FilterDimension: [(value: String, label: String)]] = [:]
        for dimension in FilterDimension.allCases {
            var values = allValues(dimension).map { value -> (value: String, label: String) in
                switch dimension {
                case .queue: (value, catalog.queueName(value))
                case .configuration: (value, catalog.configurationName(value))
                default: (value, value)
                }
            }
            if dimension == .queue { for (id, name) in catalog.queues where !values.contains(where: { $0.value == id }) { values.append((id, name)) } }
            if dimension == .configuration {
                for (id, info) in catalog.configurations where !values.contains(where: { $0.value == id }) { values.append((id, info.name)) }
            }
            out[dimension] = values
        }
        return out
    }
}
