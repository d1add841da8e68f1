import Foundation
import Synchronization

/// Deliveries per combination created in a run of local days: the slots between the first day's start and the day
/// after the last one's (every local midnight is a slot boundary), from the block rows and the slot rows of the two
/// ends (`RangeScan`) once the index has them, else one pass over the slot rows. What the previous period and the
/// compliance window add up; no day buckets, so it costs less than the range's own scan.
enum SlotRangeTotals {
    /// Per combination id (indexed as `index.combos`): deliveries created from `first` through `last`, in `zone`.
    static func comboTotals(index: AggregateIndex, zone: TimeZone, first: LocalDate, last: LocalDate,
                            parallelFrom: Int = MetricsEngine.parallelRows) -> [Int] {
        var totals = [Int](repeating: 0, count: index.combos.count)
        guard first <= last else { return totals }
        let from = TimeSlots.slotStarting(atOrAfter: first.startInstant(in: zone))
        let to = TimeSlots.slotStarting(atOrAfter: last.adding(days: 1).startInstant(in: zone))
        if let blocks = index.readyBlockRows() {
            return RangeScan.totals(rows: index.rows, blocks: blocks, from: from, to: to, comboCount: totals.count)
        }
        let start = index.lowerBound(slot: from)
        let end = index.lowerBound(slot: to)
        guard start < end else { return totals }
        let rows = index.rows  // the columns, shared (not copied); a value the threads may read
        if end - start < max(2, parallelFrom) {
            add(start..<end, rows: rows, into: &totals)
            return totals
        }
        let mid = start + (end - start) / 2
        let count = totals.count
        // Each thread stores its half once, when it is summed.
        let halves = Mutex([[Int]](repeating: [], count: 2))
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            var part = [Int](repeating: 0, count: count)
            add(half == 0 ? start..<mid : mid..<end, rows: rows, into: &part)
            halves.withLock { $0[half] = part }
        }
        halves.withLock { halves in
            for k in 0..<count { totals[k] = halves[0][k] + halves[1][k] }
        }
        return totals
    }

    private static func add(_ range: Range<Int>, rows: SlotRows, into totals: inout [Int]) {
        rows.combo.withUnsafeBufferPointer { combos in
            rows.count.withUnsafeBufferPointer { counts in
                totals.withUnsafeMutableBufferPointer { totals in
                    for i in range { totals[Int(combos[i])] += Int(counts[i]) }
                }
            }
        }
    }
}
