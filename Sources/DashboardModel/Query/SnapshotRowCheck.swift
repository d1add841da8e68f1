/// The checks of the aggregate snapshot's rows as a windowed load reads them, a piece at a time
/// (`AggregateSnapshot.loadWindows`), the same as `AggregateIndex.adopt` makes of a whole snapshot: every
/// combination one the store holds (1 or more, below the combinations' count, not a gap), every count not negative,
/// every slot in range, and the rows in strictly increasing (slot, combo) order. A piece that fails them sends the
/// load to `adopt`, which names the first problem.
enum SnapshotRowCheck {
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
}
