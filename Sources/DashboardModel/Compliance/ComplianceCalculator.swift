/// Computes `ComplianceFigures` from the in-memory slot counts: the window's per-combination totals (the range's
/// own totals when the window is the range, else one pass over the window's slot rows), then one pass over the
/// combinations. Every filter applies but status and result: the figure counts processed deliveries by result.
enum ComplianceCalculator {
    /// - Parameters:
    ///   - last: the window's last day: the range's last day, or today when the range is unbounded.
    ///   - rangeTotals: per-combination totals of the days `range` (the dashboard's own scan), reused when the
    ///     window is exactly those days.
    static func compute(index: AggregateIndex, filters: DashboardFilters, rule: AbandonRule, last: LocalDate,
                        range: (from: LocalDate, to: LocalDate)?, rangeTotals: [Int]) -> ComplianceFigures {
        let window = rule.window(endingOn: last)
        let totals: [Int]
        if let range, range.from == window.from, range.to == window.to, rangeTotals.count == index.combos.count {
            totals = rangeTotals
        } else {
            totals = SlotRangeTotals.comboTotals(index: index, zone: filters.zone, first: window.from, last: window.to)
        }
        var scope = filters
        scope.clear(.status)
        scope.clear(.result)
        let matcher = FilterMatcher(index: index, filters: scope)
        let configSlot = AggregateIndex.slotOf(.configuration)
        let resultValues = index.allValues(.result)
        let live = resultValues.map { ComplianceFigures.liveAnsweredResults.contains($0) }
        let abandoned = resultValues.map { ComplianceFigures.abandonedResults.contains($0) }
        // Per configuration value index: (processed, live-answered, abandoned).
        var byConfig: [Int32: (processed: Int, live: Int, abandoned: Int)] = [:]
        for id in 1..<index.combos.count {
            let n = totals[id]
            guard n > 0, matcher.passes(id), let combo = index.combos[id], combo.isProcessed else { continue }
            let r = Int(combo.resultIndex)
            var entry = byConfig[combo.dims[configSlot], default: (0, 0, 0)]
            entry.processed += n
            if live[r] { entry.live += n }
            if abandoned[r] { entry.abandoned += n }
            byConfig[combo.dims[configSlot]] = entry
        }
        let catalog = index.catalog
        let rows = byConfig.map { (c, t) -> ComplianceRow in
            let id = index.value(.configuration, c)
            return ComplianceRow(id: id, name: catalog.configurations[id]?.name ?? catalog.configurationName(id),
                                 liveAnswered: t.live, abandoned: t.abandoned)
        }
        return ComplianceFigures(rule: rule, from: window.from, to: window.to, rows: ComplianceFigures.ordered(rows))
    }
}
