import GRDB

/// The aggregate snapshot read for one computation (`AggregateIndex.Purpose.snapshot`): the three columns are read
/// together in pieces of `pieceRows` rows into buffers used again and again (no copy of the whole store in memory),
/// every row checked as `AggregateIndex` checks a whole snapshot, every combination's total summed (the live
/// figures' all-time counts), and only the rows inside the slot windows kept.
extension AggregateSnapshot {
    struct Windowed {
        /// The snapshot's rows whose slot lies in the windows, in (slot, combo) order.
        var rows: SlotRows
        /// All-time deliveries per combination over every row, indexed as `known`.
        var totals: [Int64]
        /// The snapshot's count at each watched key (0 where it has no row), in the order given.
        var watchedCounts: [Int32]
    }

    static let pieceRows = 16_384

    /// - Parameters:
    ///   - rowCount: the header's row count (checked by the caller); each column must hold as many rows.
    ///   - known: per combination id, 1 when the store holds it (index 0 unused).
    ///   - watched: (slot, combo) keys sorted in that order whose snapshot counts are wanted (rows written later).
    /// - Returns: nil when a row does not check or a column's size disagrees (the caller then loads the snapshot
    ///   whole, which names the problem).
    static func loadWindows(_ db: Database, rowCount: Int, windows: SlotWindows, known: [UInt8],
                            slotRange: ClosedRange<Int32>, watched: [(slot: Int32, combo: Int32)]) throws -> Windowed? {
        try SQLiteBlob.withReaders(db, table: table, columns: ["slots", "combos", "counts"], rowid: rowid) { readers in
            guard readers.allSatisfy({ $0.bytes == rowCount * MemoryLayout<Int32>.size }) else { return nil }
            let limit = Int32(clamping: known.count)
            let gaps = known.dropFirst().contains(0)
            var totals = [Int64](repeating: 0, count: known.count)
            var kept = SlotRows()
            var watchedCounts = [Int32](repeating: 0, count: watched.count)
            var nextWatched = 0
            let windowSlots = windows.ranges.map { r in
                (Int32(clamping: r.lowerBound), Int32(clamping: r.upperBound))
            }
            // Each buffer holds the previous piece's last row at 0, so that the order is checked across pieces.
            var slots = [Int32](repeating: 0, count: pieceRows + 1)
            var combos = [Int32](repeating: 0, count: pieceRows + 1)
            var counts = [Int32](repeating: 0, count: pieceRows + 1)
            var start = 0
            while start < rowCount {
                let n = min(pieceRows, rowCount - start)
                let first = start == 0 ? 1 : 0  // where this piece's checked rows begin in the buffers
                for (column, reader) in [(0, readers[0]), (1, readers[1]), (2, readers[2])] {
                    func fill(_ array: inout [Int32]) throws {
                        try array.withUnsafeMutableBytes { raw in
                            try reader.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[4..<(4 + n * 4)]), at: start * 4)
                        }
                        #if _endian(big)
                        for i in 1...n { array[i] = Int32(littleEndian: array[i]) }
                        #endif
                    }
                    switch column {
                    case 0: try fill(&slots)
                    case 1: try fill(&combos)
                    default: try fill(&counts)
                    }
                }
                let holds: Bool = slots.withUnsafeBufferPointer { s in
                    combos.withUnsafeBufferPointer { c in
                        counts.withUnsafeBufferPointer { k in
                            let range = first..<(n + 1)
                            let (sr, cr, kr) = (UnsafeBufferPointer(rebasing: s[range]), UnsafeBufferPointer(rebasing: c[range]),
                                                UnsafeBufferPointer(rebasing: k[range]))
                            guard SnapshotRowCheck.rangesAndOrderHold(slots: sr, combos: cr, counts: kr, comboLimit: limit,
                                                                      slotRange: slotRange) else { return false }
                            let piece = 1..<(n + 1)
                            guard SnapshotRowCheck.addTotals(combos: UnsafeBufferPointer(rebasing: c[piece]),
                                                             counts: UnsafeBufferPointer(rebasing: k[piece]),
                                                             known: known, gaps: gaps, into: &totals) else { return false }
                            // The piece's rows are in order now: the windows' rows by halving, the watched keys too.
                            let pieceFirst = s[1], pieceLast = s[n]
                            for (lo, hi) in windowSlots where hi > pieceFirst && lo <= pieceLast {
                                let a = lowerBound(s, 1, n + 1, lo, Int32.min), b = lowerBound(s, 1, n + 1, hi, Int32.min)
                                kept.append(slots: UnsafeBufferPointer(rebasing: s[a..<b]), combos: UnsafeBufferPointer(rebasing: c[a..<b]),
                                            counts: UnsafeBufferPointer(rebasing: k[a..<b]))
                            }
                            while nextWatched < watched.count, (watched[nextWatched].slot, watched[nextWatched].combo) <= (pieceLast, c[n]) {
                                let key = watched[nextWatched]
                                let at = lowerBound(s, c, 1, n + 1, key.slot, key.combo)
                                if at <= n, s[at] == key.slot, c[at] == key.combo { watchedCounts[nextWatched] = k[at] }
                                nextWatched += 1
                            }
                            return true
                        }
                    }
                }
                guard holds else { return nil }
                slots[0] = slots[n]
                combos[0] = combos[n]
                counts[0] = counts[n]
                start += n
            }
            return Windowed(rows: kept, totals: totals, watchedCounts: watchedCounts)
        }
    }

    /// The first index in `lo ..< hi` whose slot is not below `slot` (rows sorted by slot).
    private static func lowerBound(_ s: UnsafeBufferPointer<Int32>, _ lo: Int, _ hi: Int, _ slot: Int32, _: Int32) -> Int {
        var lo = lo, hi = hi
        while lo < hi {
            let mid = (lo + hi) / 2
            if s[mid] < slot { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The first index in `lo ..< hi` whose (slot, combo) is not below the key (rows sorted by both).
    private static func lowerBound(_ s: UnsafeBufferPointer<Int32>, _ c: UnsafeBufferPointer<Int32>, _ lo: Int, _ hi: Int,
                                   _ slot: Int32, _ combo: Int32) -> Int {
        var lo = lo, hi = hi
        while lo < hi {
            let mid = (lo + hi) / 2
            if s[mid] < slot || (s[mid] == slot && c[mid] < combo) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
