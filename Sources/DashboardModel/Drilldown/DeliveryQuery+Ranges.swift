import GRDB

/// Ranges of created time from the index's counts. Cutting a selection into pieces of created time that hold about the same number of rows, from the index's slot
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
        let rows = index.rows, combos = rows.combo, counts = rows.count
        let start = plan.createdFrom.map { index.lowerBound(slot: floorDiv($0, seconds)) } ?? 0
        // The first slot starting at or after the end: -floor(-x / n) is x / n rounded up.
        let end = plan.createdBefore.map { index.lowerBound(slot: -floorDiv(-$0, seconds)) } ?? rows.rowCount
        let low = plan.createdFrom ?? Int64.min, high = plan.createdBefore ?? Int64.max
        var cuts: [Int64] = []
        var gathered = 0
        var i = start
        var run = i < end ? rows.run(containing: i) : 0
        while i < end {
            let slot = rows.runSlot[run]
            if gathered >= rowsPerPiece {
                let cut = Int64(slot) * seconds
                if low < cut && cut < high && (cuts.last ?? Int64.min) < cut {
                    cuts.append(cut)
                    gathered = 0
                }
            }
            // Every row of this slot (the rows are sorted by slot, then combination).
            let runEnd = min(end, rows.runEnd(run))
            while i < runEnd {
                let combo = Int(combos[i])
                if combo >= 0, combo < wanted.count, wanted[combo] { gathered += Int(counts[i]) }
                i += 1
            }
            run += 1
        }
        // A last piece much smaller than the others joins the one before it.
        if gathered < rowsPerPiece / 4, !cuts.isEmpty { cuts.removeLast() }
        return cuts
    }

    /// The plan starting at the first slot where the index counts one of its rows (when that is later than its
    /// start): the rows before it are entries of other combinations, which the scan would pass over one by one (all
    /// of history for pending or in-progress work, whose rows are recent). Selections by modified time keep their
    /// range: their rows' created times are not counted.
    func startingAtFirstCountedSlot(_ plan: Plan, index: AggregateIndex) -> Plan {
        guard !plan.isEmpty, plan.modifiedFrom == nil, plan.modifiedBefore == nil else { return plan }
        var wanted = [Bool](repeating: false, count: index.combos.count)
        for combo in plan.combos where combo >= 0 && Int(combo) < wanted.count { wanted[Int(combo)] = true }
        let seconds = TimeSlots.slotSeconds
        let rows = index.rows, combos = rows.combo, counts = rows.count
        var i = plan.createdFrom.map { index.lowerBound(slot: floorDiv($0, seconds)) } ?? 0
        let end = plan.createdBefore.map { index.lowerBound(slot: -floorDiv(-$0, seconds)) } ?? rows.rowCount
        while i < end {
            let combo = Int(combos[i])
            if combo >= 0, combo < wanted.count, wanted[combo], counts[i] > 0 { break }
            i += 1
        }
        guard i < end else { return plan }  // none counted: the store may hold rows the index has not read yet
        return plan.narrowed(from: Int64(rows.slot(ofRow: i)) * seconds, before: nil)
    }

    /// Looks back from a modified-time selection (the last hour) for a created bound: its rows may have been created
    /// at any time before, so unbounded it would pass over every index entry of history. Windows of 6 hours, 2 days
    /// and 30 days before its start are tried in turn; the first whose rows (counted on the index entries alone)
    /// reach the index's count of the selection bounds it. Otherwise the plan stays unbounded.
    func boundedToRecent(_ db: Database, _ plan: Plan, index: AggregateIndex) throws -> Plan {
        guard !plan.isEmpty, let from = plan.modifiedFrom, plan.createdFrom == nil else { return plan }
        let expected = indexCount(plan, index: index)
        for lookback: Int64 in [6 * 3600, 2 * 86_400, 30 * 86_400] {
            let candidate = plan.narrowed(from: from - lookback, before: nil)
            let statement = try RawStatement(db, "SELECT count(*) FROM deliveries WHERE \(candidate.whereClause)")
            _ = candidate.bind(statement, first: 1)
            guard try statement.step() else { continue }
            if try StoredInteger.read(statement, 0, "count", in: 0...Int64.max) >= Int64(expected) { return candidate }
        }
        return plan
    }

    /// The created ranges (slot-aligned, ascending, disjoint) of the runs of slots where the index counts rows of
    /// the plan, from its start (or the cursor's slot), until they hold `needed` rows by the counts (`exhausted`:
    /// the counts hold no more rows of the plan after them); nil when the plan is by modified time. A page reads these ranges one after another, so a sparse selection passes over the
    /// index entries of the slots that hold its rows, not of its whole range.
    func countedRanges(_ plan: Plan, index: AggregateIndex, from cursorCreated: Int64?,
                       needed: Int) -> (ranges: [(Int64, Int64)], exhausted: Bool)? {
        guard !plan.isEmpty, plan.modifiedFrom == nil, plan.modifiedBefore == nil else { return nil }
        var wanted = [Bool](repeating: false, count: index.combos.count)
        for combo in plan.combos where combo >= 0 && Int(combo) < wanted.count { wanted[Int(combo)] = true }
        let seconds = TimeSlots.slotSeconds
        let rows = index.rows, combos = rows.combo, counts = rows.count
        let startAt = max(plan.createdFrom ?? Int64.min, cursorCreated ?? Int64.min)
        var i = startAt == Int64.min ? 0 : index.lowerBound(slot: floorDiv(startAt, seconds))
        let end = plan.createdBefore.map { index.lowerBound(slot: -floorDiv(-$0, seconds)) } ?? rows.rowCount
        var ranges: [(Int64, Int64)] = []
        var gathered = 0
        var run = i < end ? rows.run(containing: i) : 0
        while i < end && gathered < needed {
            let slot = rows.runSlot[run]
            var inSlot = 0
            let runEnd = min(end, rows.runEnd(run))
            while i < runEnd {
                let combo = Int(combos[i])
                if combo >= 0, combo < wanted.count, wanted[combo] { inSlot += Int(counts[i]) }
                i += 1
            }
            run += 1
            guard inSlot > 0 else { continue }
            gathered += inSlot
            let low = Int64(slot) * seconds
            if let last = ranges.last, last.1 == low { ranges[ranges.count - 1].1 = low + seconds } else { ranges.append((low, low + seconds)) }
        }
        return (ranges, gathered < needed)
    }
}
