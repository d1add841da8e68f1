/// The checks of the aggregate snapshot's rows (`AggregateIndex.adopt`): every combination one the store holds
/// (1 or more, below the combinations' count, not a gap), every count not negative, every slot in range, and the
/// rows in strictly increasing (slot, combo) order.
enum SnapshotRowCheck {
    /// The all-time deliveries per combination (indexed as `known`) when every row checks; nil otherwise.
    /// Two passes: the ranges and the order four rows at a time, without a branch on the data (`rangesAndOrderHold`),
    /// then the totals, whose combinations the first pass bounded (and checked against the gaps only when the
    /// store's combination ids have one).
    static func totals(slots: [Int32], combos: [Int32], counts: [Int32], known: [UInt8],
                       slotRange: ClosedRange<Int32>) -> [Int64]? {
        let n = combos.count
        guard slots.count == n, counts.count == n else { return nil }
        guard rangesAndOrderHold(slots: slots, combos: combos, counts: counts, comboLimit: Int32(clamping: known.count),
                                 slotRange: slotRange) else { return nil }
        var totals = [Int64](repeating: 0, count: known.count)
        let gaps = known.dropFirst().contains(0)
        let held = combos.withUnsafeBufferPointer { c in
            counts.withUnsafeBufferPointer { k in addTotals(combos: c, counts: k, known: known, gaps: gaps, into: &totals) }
        }
        return held ? totals : nil
    }

    /// Whether every combination lies in `1 ..< comboLimit`, every count is not negative, every slot lies in
    /// `slotRange` and the rows are in strictly increasing (slot, combo) order: 32-bit lane comparisons, four rows
    /// at a time, or-ed into one mask that is looked at once.
    static func rangesAndOrderHold(slots: [Int32], combos: [Int32], counts: [Int32], comboLimit: Int32,
                                   slotRange: ClosedRange<Int32>) -> Bool {
        guard slots.count == combos.count, counts.count == combos.count else { return false }
        return slots.withUnsafeBufferPointer { s in
            combos.withUnsafeBufferPointer { c in
                counts.withUnsafeBufferPointer { k in
                    rangesAndOrderHold(slots: s, combos: c, counts: k, comboLimit: comboLimit, slotRange: slotRange)
                }
            }
        }
    }

    /// `rangesAndOrderHold` of rows in memory (the three buffers as long as each other).
    static func rangesAndOrderHold(slots s: UnsafeBufferPointer<Int32>, combos c: UnsafeBufferPointer<Int32>,
                                   counts k: UnsafeBufferPointer<Int32>, comboLimit: Int32,
                                   slotRange: ClosedRange<Int32>) -> Bool {
        let n = c.count
        guard n > 0 else { return true }
        guard comboLimit > 1, s.count == n, k.count == n else { return false }
        let sp = UnsafeRawPointer(s.baseAddress!), cp = UnsafeRawPointer(c.baseAddress!)
        let kp = UnsafeRawPointer(k.baseAddress!)
        let one = SIMD4<Int32>(repeating: 1), limit = SIMD4<Int32>(repeating: comboLimit)
        let zero = SIMD4<Int32>(repeating: 0)
        let lowSlot = SIMD4<Int32>(repeating: slotRange.lowerBound)
        let highSlot = SIMD4<Int32>(repeating: slotRange.upperBound)
        var bad = SIMDMask<SIMD4<Int32>>(repeating: false)
        // Rows 1 ..< n against the row before each, four at a time; the first row's ranges alone.
        var i = 1
        while i + 4 <= n {
            let offset = i * 4
            let slot = sp.loadUnaligned(fromByteOffset: offset, as: SIMD4<Int32>.self)
            let before = sp.loadUnaligned(fromByteOffset: offset - 4, as: SIMD4<Int32>.self)
            let combo = cp.loadUnaligned(fromByteOffset: offset, as: SIMD4<Int32>.self)
            let comboBefore = cp.loadUnaligned(fromByteOffset: offset - 4, as: SIMD4<Int32>.self)
            let count = kp.loadUnaligned(fromByteOffset: offset, as: SIMD4<Int32>.self)
            bad .|= slot .< before
            bad .|= (slot .== before) .& (combo .<= comboBefore)
            bad .|= combo .< one
            bad .|= combo .>= limit
            bad .|= count .< zero
            bad .|= slot .< lowSlot
            bad .|= slot .> highSlot
            i += 4
        }
        if any(bad) { return false }
        func rowHolds(_ j: Int) -> Bool {
            guard c[j] >= 1, c[j] < comboLimit, k[j] >= 0, slotRange.contains(s[j]) else { return false }
            return j == 0 || s[j] > s[j - 1] || (s[j] == s[j - 1] && c[j] > c[j - 1])
        }
        if !rowHolds(0) { return false }
        while i < n {
            if !rowHolds(i) { return false }
            i += 1
        }
        return true
    }

    /// Adds the rows' counts to `totals` per combination; false when a row names a combination `known` marks as
    /// not held. The combinations must lie in `1 ..< known.count` (`rangesAndOrderHold`).
    static func addTotals(combos c: UnsafeBufferPointer<Int32>, counts k: UnsafeBufferPointer<Int32>, known: [UInt8],
                          gaps: Bool, into totals: inout [Int64]) -> Bool {
        var missing: UInt8 = 0
        totals.withUnsafeMutableBufferPointer { t in
            known.withUnsafeBufferPointer { known in
                if gaps {
                    for i in 0..<c.count {
                        let combo = Int(c[i])
                        missing |= 1 &- known[combo]
                        t[combo] &+= Int64(k[i])  // at most 2^31 counts below 2^31: no overflow
                    }
                } else {
                    for i in 0..<c.count { t[Int(c[i])] &+= Int64(k[i]) }
                }
            }
        }
        return missing == 0
    }

    /// The first row that does not check, worded for `StoreDamaged`, or nil when every row checks.
    static func firstProblem(slots: [Int32], combos: [Int32], counts: [Int32], known: [UInt8],
                             slotRange: ClosedRange<Int32>) -> String? {
        let limit = known.count
        var previous = Int64.min
        for i in 0..<min(slots.count, combos.count, counts.count) {
            let combo = Int(combos[i]), slot = slots[i], count = counts[i]
            guard combo >= 1 && combo < limit && known[combo] != 0 else {
                return "aggregate_snapshot names combination \(combo), which combos does not hold"
            }
            guard count >= 0 else { return "aggregate_snapshot holds a negative count (\(count))" }
            guard slot >= slotRange.lowerBound && slot <= slotRange.upperBound else {
                return "aggregate_snapshot holds slot \(slot), outside \(slotRange.lowerBound)...\(slotRange.upperBound)"
            }
            let key = Int64(slot) << 32 | Int64(combo)
            if key <= previous { return "aggregate_snapshot rows are out of order at row \(i)" }
            previous = key
        }
        return nil
    }
}
