/// Which combinations pass the list filters. For each combination it records how many filters reject it and
/// which, so one pass gives the dashboard (no rejection) and every sidebar count (at most one rejection: the
/// count a value would have if its own filter allowed it).
struct FilterMatcher {
    /// Per combo id: number of filters that reject it.
    private(set) var failures: [UInt8]
    /// Per combo id: the dimension slot of the (last) filter that rejects it.
    private(set) var failingDimension: [UInt8]

    init(index: AggregateIndex, filters: DashboardFilters) {
        let count = index.combos.count
        failures = [UInt8](repeating: 0, count: count)
        failingDimension = [UInt8](repeating: 0, count: count)
        for dimension in FilterDimension.allCases {
            let selection = filters.selected(dimension)
            guard !selection.isEmpty else { continue }
            let d = AggregateIndex.slotOf(dimension)
            let allowed = index.allValues(dimension).map {
                FilterMatcher.matches(value: $0, dimension: dimension, selection: selection, catalog: index.catalog)
            }
            for id in 1..<count {
                guard let combo = index.combos[id] else { continue }
                let value = combo.dims[d]
                if value < 0 { continue }  // no conversation: the direction filter never removes it
                if !allowed[Int(value)] {
                    failures[id] &+= 1
                    failingDimension[id] = UInt8(d)
                }
            }
        }
    }

    @inline(__always) func passes(_ combo: Int) -> Bool { failures[combo] == 0 }

    /// A stored value passes a selection when the selection names it, ignoring case; queues and configurations
    /// are also named by their display name.
    static func matches(value: String, dimension: FilterDimension, selection: Set<String>, catalog: Catalog) -> Bool {
        if selection.contains(value) { return true }
        var names = [value]
        switch dimension {
        case .queue: if let name = catalog.queues[value] { names.append(name) }
        case .configuration: if let name = catalog.configurations[value]?.name { names.append(name) }
        default: break
        }
        let keys = Set(names.map(KnownValues.normalize))
        return selection.contains { keys.contains(KnownValues.normalize($0)) }
    }
}
