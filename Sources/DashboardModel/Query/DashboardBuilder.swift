import Foundation

/// Turns per-combination totals and per-day status counts into the dashboard's charts, tables and sidebar counts.
struct DashboardBuilder {
    private let index: AggregateIndex
    private let filters: DashboardFilters
    private let matcher: FilterMatcher
    private let comboTotals: [Int]
    private var statusByDate: [DayStatusCounts] = []
    private var byDate: [DateRow] = []

    init(index: AggregateIndex, filters: DashboardFilters, matcher: FilterMatcher, comboTotals: [Int]) {
        self.index = index
        self.filters = filters
        self.matcher = matcher
        self.comboTotals = comboTotals
    }

    /// Statuses in legend order: the life cycle first, then values never seen before, alphabetically.
    private var statusOrder: [Int] { Self.statusOrder(index) }

    /// The status value indexes of `index` in legend order.
    static func statusOrder(_ index: AggregateIndex) -> [Int] {
        let values = index.allValues(.status)
        func rank(_ label: String) -> Int { DeliveryStatus.known.firstIndex { $0.label == label } ?? Int.max }
        return values.indices.sorted { a, b in
            let (ra, rb) = (rank(values[a]), rank(values[b]))
            return ra != rb ? ra < rb : values[a] < values[b]
        }
    }

    mutating func addDays(dayStatus: [Int], statusCount: Int, firstDay: LocalDate) {
        guard statusCount > 0, !dayStatus.isEmpty else { return }
        let values = index.allValues(.status)
        let order = statusOrder
        let complete = values.firstIndex(of: DeliveryStatus.complete.label)
        for day in 0..<(dayStatus.count / statusCount) {
            let row = dayStatus[(day * statusCount)..<((day + 1) * statusCount)]
            let total = row.reduce(0, +)
            guard total > 0 else { continue }
            let date = firstDay.adding(days: day)
            let counts = order.compactMap { s -> CountEntry? in
                let n = row[row.startIndex + s]
                return n > 0 ? CountEntry(values[s], n) : nil
            }
            statusByDate.append(DayStatusCounts(date: date, counts: counts))
            byDate.append(DateRow(date: date, total: total, processed: complete.map { row[row.startIndex + $0] } ?? 0))
        }
    }

    /// - Parameter withFacets: whether to count the sidebar's values (`facets` is empty otherwise).
    func build(from: LocalDate?, to: LocalDate?, readAt: Date, changedAt: Date?, facets withFacets: Bool = true) -> DashboardData {
        var total = 0, processed = 0
        var byStatus: [Int: Int] = [:], byResult: [Int: Int] = [:], byDialMode: [Int: Int] = [:]
        var configTotals: [Int: (Int, Int)] = [:], queueTotals: [Int: (Int, Int)] = [:]
        var facetCounts = [[Int]](repeating: [], count: AggregateIndex.dimensionCount)
        if withFacets {
            for d in FilterDimension.allCases { facetCounts[AggregateIndex.slotOf(d)] = Array(repeating: 0, count: index.allValues(d).count) }
        }
        let configSlot = AggregateIndex.slotOf(.configuration), queueSlot = AggregateIndex.slotOf(.queue)

        for id in 1..<index.combos.count {
            let n = comboTotals[id]
            guard n > 0, let combo = index.combos[id] else { continue }
            let failures = matcher.failures[id]
            if failures == 0 {
                total += n
                byStatus[Int(combo.statusIndex), default: 0] += n
                let p = combo.isProcessed ? n : 0
                if combo.isProcessed {
                    processed += n
                    byResult[Int(combo.resultIndex), default: 0] += n
                    byDialMode[Int(combo.dialModeIndex), default: 0] += n
                }
                let c = Int(combo.dims[configSlot]), q = Int(combo.dims[queueSlot])
                configTotals[c, default: (0, 0)].0 += n
                configTotals[c, default: (0, 0)].1 += p
                queueTotals[q, default: (0, 0)].0 += n
                queueTotals[q, default: (0, 0)].1 += p
                if withFacets {
                    for d in 0..<AggregateIndex.dimensionCount where combo.dims[d] >= 0 { facetCounts[d][Int(combo.dims[d])] += n }
                }
            } else if failures == 1 && withFacets {
                let d = Int(matcher.failingDimension[id])
                if combo.dims[d] >= 0 { facetCounts[d][Int(combo.dims[d])] += n }
            }
        }

        let statusValues = index.allValues(.status)
        let deliveriesByStatus = statusOrder.compactMap { s in byStatus[s].map { CountEntry(statusValues[s], $0) } }
        let catalog = index.catalog
        let configurationRows = configTotals.map { (c, t) -> ConfigurationRow in
            let id = index.value(.configuration, Int32(c))
            let info = catalog.configurations[id]
            return ConfigurationRow(id: id, name: info?.name ?? catalog.configurationName(id), status: info?.status,
                                    priority: info?.priority, total: t.0, processed: t.1)
        }.sorted { ($0.total, $1.name, $1.id) > ($1.total, $0.name, $0.id) }
        let queueRows = queueTotals.map { (q, t) -> QueueRow in
            let id = index.value(.queue, Int32(q))
            return QueueRow(id: id, name: catalog.queueName(id), total: t.0, processed: t.1)
        }.sorted { ($0.total, $1.name, $1.id) > ($1.total, $0.name, $0.id) }

        return DashboardData(
            filters: filters, from: from, to: to, totalDeliveries: total, processed: processed,
            deliveriesByStatus: deliveriesByStatus, statusByDate: statusByDate,
            processedByResult: ranked(byResult, .result), processedByDialMode: ranked(byDialMode, .dialMode),
            byConfiguration: configurationRows, byQueue: queueRows, byDate: byDate,
            facets: withFacets ? facets(facetCounts) : [:], readAt: readAt, dataChangedAt: changedAt)
    }

    private func ranked(_ counts: [Int: Int], _ dimension: FilterDimension) -> [CountEntry] {
        counts.filter { $0.value > 0 }.map { CountEntry(index.value(dimension, Int32($0.key)), $0.value) }
            .sorted { ($0.count, $1.label) > ($1.count, $0.label) }
    }

    private func facets(_ counts: [[Int]]) -> [FilterDimension: [FacetValue]] {
        var result: [FilterDimension: [FacetValue]] = [:]
        let catalog = index.catalog
        for dimension in FilterDimension.allCases {
            let d = AggregateIndex.slotOf(dimension)
            let selection = filters.selected(dimension)
            var entries = index.allValues(dimension).enumerated().map { (i, value) -> FacetValue in
                let label: String
                switch dimension {
                case .queue: label = catalog.queueName(value)
                case .configuration: label = catalog.configurationName(value)
                default: label = value
                }
                let selected = FilterMatcher.matches(value: value, dimension: dimension, selection: selection, catalog: catalog)
                return FacetValue(value: value, label: label, count: counts[d][i], selected: selected)
            }
            if dimension == .direction {
                for label in [Direction.outgoing.label, Direction.incoming.label] where !entries.contains(where: { $0.value == label }) {
                    let selected = FilterMatcher.matches(value: label, dimension: dimension, selection: selection, catalog: catalog)
                    entries.append(FacetValue(value: label, label: label, count: 0, selected: selected))
                }
            }
            // Selected values the store has never seen still show, so they can be cleared.
            // (A selection that names a shown value, by id or name in any case, is that value: no second entry.)
            for value in selection where !entries.contains(where: {
                FilterMatcher.matches(value: $0.value, dimension: dimension, selection: [value], catalog: catalog)
            }) {
                entries.append(FacetValue(value: value, label: value, count: 0, selected: true))
            }
            let classes = FacetOrder.nameClasses(entries.map(\.label), dimension: dimension, index: index)
            result[dimension] = entries.sorted { a, b in
                let unnamed = { (f: FacetValue) in (dimension == .queue || dimension == .configuration) && f.label == f.value ? 1 : 0 }
                let (ra, rb) = (FacetOrder.rank(a.value, dimension) + unnamed(a), FacetOrder.rank(b.value, dimension) + unnamed(b))
                return ra != rb ? ra < rb : classes[a.label]! < classes[b.label]!
            }
        }
        return result
    }
}

/// Stable sidebar order: the known life cycle and dial modes in their natural order, everything else by name.
enum FacetOrder {
    /// The name order (`localizedStandardCompare`, as Finder sorts) of `labels` as numbers: a label's class is
    /// below another's exactly when it sorts before it, and labels neither sorts before share one (so a stable
    /// sort by class keeps them in their order, as a stable sort by the comparison itself did). Kept in `index`
    /// per dimension while its labels stay the same: the comparison builds a locale each time and was most of a
    /// filter change's sidebar (every value compared again on every frame).
    static func nameClasses(_ labels: [String], dimension: FilterDimension, index: AggregateIndex) -> [String: Int] {
        if let kept = index.facetNameOrder[dimension], kept.labels == labels { return kept.classes }
        let classes = nameClasses(labels)
        index.facetNameOrder[dimension] = (labels, classes)
        return classes
    }

    static func nameClasses(_ labels: [String]) -> [String: Int] {
        let before = { (a: String, b: String) in a.localizedStandardCompare(b) == .orderedAscending }
        let sorted = Array(Set(labels)).sorted(by: before)
        var classes: [String: Int] = [:]
        var current = 0
        for (i, label) in sorted.enumerated() {
            if i > 0, before(sorted[i - 1], label) { current += 1 }
            classes[label] = current
        }
        return classes
    }
    static func rank(_ value: String, _ dimension: FilterDimension) -> Int {
        switch dimension {
        case .status: DeliveryStatus.known.firstIndex { $0.label == value } ?? 100
        case .dialMode: DialMode.known.firstIndex { $0.label == value } ?? 100
        case .direction: value == Direction.outgoing.label ? 0 : 1
        // Queues and configurations the store has no name for (their id shows) go after the named ones.
        case .queue, .configuration: 0
        case .result: DeliveryResult.knownLabels.firstIndex(of: value).map { _ in 0 } ?? 1
        default: value == "(Blank)" || value == "Unspecified" ? 1 : 0
        }
    }
}
