/// Computes `PreviousPeriod` from the in-memory slot counts: one pass over the previous days' slot rows into
/// per-combination totals, then one pass over the combinations under the dashboard's filters.
enum PreviousPeriodCalculator {
    static func compute(index: AggregateIndex, filters: DashboardFilters, matcher: FilterMatcher,
                        from: LocalDate, to: LocalDate) -> PreviousPeriod {
        let days = PreviousPeriod.days(before: from, through: to)
        let totals = SlotRangeTotals.comboTotals(index: index, zone: filters.zone, first: days.from, last: days.to)
        var total = 0, processed = 0, connected = 0, abandoned = 0
        var byStatus: [Int: Int] = [:]
        var configs: [Int32: PeriodCounts] = [:], queues: [Int32: PeriodCounts] = [:]
        let configSlot = AggregateIndex.slotOf(.configuration), queueSlot = AggregateIndex.slotOf(.queue)
        let resultValues = index.allValues(.result)
        let isConnected = resultValues.map { DeliveryResult.connectedLabels.contains($0) }
        let isAbandoned = resultValues.map { DeliveryResult.abandonedLabels.contains($0) }
        for id in 1..<index.combos.count {
            let n = totals[id]
            guard n > 0, matcher.passes(id), let combo = index.combos[id] else { continue }
            total += n
            byStatus[Int(combo.statusIndex), default: 0] += n
            let p = combo.isProcessed ? n : 0
            if combo.isProcessed {
                processed += n
                if isConnected[Int(combo.resultIndex)] { connected += n }
                if isAbandoned[Int(combo.resultIndex)] { abandoned += n }
            }
            configs[combo.dims[configSlot], default: PeriodCounts(total: 0, processed: 0)].total += n
            configs[combo.dims[configSlot], default: PeriodCounts(total: 0, processed: 0)].processed += p
            queues[combo.dims[queueSlot], default: PeriodCounts(total: 0, processed: 0)].total += n
            queues[combo.dims[queueSlot], default: PeriodCounts(total: 0, processed: 0)].processed += p
        }
        let statusValues = index.allValues(.status)
        let statuses = DashboardBuilder.statusOrder(index).compactMap { s in byStatus[s].map { CountEntry(statusValues[s], $0) } }
        return PreviousPeriod(
            from: days.from, to: days.to, totalDeliveries: total, processed: processed, deliveriesByStatus: statuses,
            byConfiguration: Dictionary(uniqueKeysWithValues: configs.map { (index.value(.configuration, $0.key), $0.value) }),
            byQueue: Dictionary(uniqueKeysWithValues: queues.map { (index.value(.queue, $0.key), $0.value) }),
            processedRate: total > 0 ? Double(processed) / Double(total) : nil,
            abandonedRate: processed > 0 ? Double(abandoned) / Double(processed) : nil,
            connectRate: processed > 0 ? Double(connected) / Double(processed) : nil)
    }
}
