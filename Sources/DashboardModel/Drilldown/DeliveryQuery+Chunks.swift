/// Cutting a selection into pieces of created time that hold about the same number of rows, from the index's slot
/// counts (no read of the store): what lets `export` read and format several pieces at once. The pieces tile the
/// plan's whole range (the first and last are open on their outer side), so every row falls in exactly one of them
/// whatever the counts say; counts that lag the store only make the pieces uneven.
extension DeliveryQuery {
    /// Created instants (slot starts, ascending, strictly inside the plan's range) that cut the selection into
    /// pieces of at least `rowsPerPiece` rows each by the index's counts; empty when it is one piece. Selections
    /// bounded by modified time (the last hour) are never cut: the slot counts are by created time.
    func pieceCuts(_ plan: Plan, index: AggregateIndex, rowsPerPiece: Int) -> [Int64] {
        guard !plan.isEmpty, plan.modifiedFrom == nil, plan.modifiedBefore == nil, rowsPerPiece > 0 else { return [] }
        var wanted = [Bool](repeating: false, count: index.combos.count)
        for combo in plan.combos where combo >= 0 && Int(combo) < wanted.count { wanted[Int(combo)] = true }
        let seconds = TimeSlots.slotSeconds
        let slots = index.rowSlot, combos = index.rowCombo, counts = index.rowCount
        let start = plan.createdFrom.map { index.lowerBound(slot: floorDiv($0, seconds)) } ?? 0
        // The first slot starting at or after the end: -floor(-x / n) is x / n rounded up.
        let end = plan.createdBefore.map { index.lowerBound(slot: -floorDiv(-$0, seconds)) } ?? slots.count
        let low = plan.createdFrom ?? Int64.min, high = plan.createdBefore ?? Int64.max
        var cuts: [Int64] = []
        var gathered = 0
        var i = start
        while i < end {
            let slot = slots[i]
            if gathered >= rowsPerPiece {
                let cut = Int64(slot) * seconds
                if low < cut && cut < high && (cuts.last ?? Int64.min) < cut {
                    cuts.append(cut)
                    gathered = 0
                }
            }
            // Every row of this slot (the rows are sorted by slot, then combination).
            while i < end, slots[i] == slot {
                let combo = Int(combos[i])
                if combo >= 0, combo < wanted.count, wanted[combo] { gathered += Int(counts[i]) }
                i += 1
            }
        }
        // A last piece much smaller than the others joins the one before it.
        if gathered < rowsPerPiece / 4, !cuts.isEmpty { cuts.removeLast() }
        return cuts
    }
}
