/// A selection's count from the index's own counts, the way the dashboard sums them: the slot counts of the plan's
/// combinations over its created range, their all-time totals when it has none (pending, in progress, all dates),
/// the last hour's rows by minute for the processed-in-the-last-hour figure. No row of the store is read: at ten
/// million deliveries a count over a year is a few milliseconds instead of a scan of the index.
extension DeliveryQuery {
    func indexCount(_ plan: Plan, index: AggregateIndex) -> Int {
        if plan.isEmpty { return 0 }
        var wanted = [Bool](repeating: false, count: index.combos.count)
        for combo in plan.combos where combo >= 0 && Int(combo) < wanted.count { wanted[Int(combo)] = true }
        var total = 0
        if plan.modifiedFrom != nil || plan.modifiedBefore != nil {
            // Minutes `first ... last`: the plan's bounds are whole minutes.
            let first = plan.modifiedFrom.map { floorDiv($0, 60) } ?? Int64.min
            let last = plan.modifiedBefore.map { floorDiv($0, 60) - 1 } ?? Int64.max
            for row in index.recent where row.minute >= first && row.minute <= last {
                let combo = Int(row.combo)
                if combo >= 0, combo < wanted.count, wanted[combo] { total += Int(row.n) }
            }
        } else if plan.createdFrom == nil && plan.createdBefore == nil {
            for (combo, n) in index.allTime.enumerated() where combo < wanted.count && wanted[combo] { total += Int(n) }
        } else {
            // The plan's created bounds are slot starts (day starts rounded to the slot as the dashboard does).
            let seconds = TimeSlots.slotSeconds
            let start = plan.createdFrom.map { index.lowerBound(slot: floorDiv($0, seconds)) } ?? 0
            let end = plan.createdBefore.map { index.lowerBound(slot: -floorDiv(-$0, seconds)) } ?? index.rowCountTotal
            guard start < end else { return 0 }
            let combos = index.rowCombo, counts = index.rowCount
            for i in start..<end {
                let combo = Int(combos[i])
                if combo >= 0, combo < wanted.count, wanted[combo] { total += Int(counts[i]) }
            }
        }
        return total
    }
}
