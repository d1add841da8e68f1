import GRDB

/// The windowed read with the snapshot's stored per-combination totals (`aggregate_snapshot.totals`, migration
/// `v9-snapshot-totals`): the all-time counts come from that column, so only the windows' rows are read (found by
/// halving the slots column), not every row of the snapshot. What `loadWindows` gives, from a fraction of the bytes.
extension AggregateSnapshot {
    /// The stored totals: per combination id, a little-endian `Int64`, written with the rows (`save`).
    static func totals(of combos: [Int32], counts: [Int32]) -> [Int64] {
        var totals = [Int64](repeating: 0, count: Int(combos.max() ?? -1) + 1)
        for (combo, count) in zip(combos, counts) where combo >= 0 { totals[Int(combo)] += Int64(count) }
        return totals
    }

    /// - Returns: nil when the store keeps no totals (a snapshot written before them, or a store not migrated), when
    ///   they or a row read do not check, or a column's size disagrees: the caller then reads every row
    ///   (`loadWindows`), which checks them all.
    static func loadWindowsByStoredTotals(_ db: Database, rowCount: Int, windows: SlotWindows, known: [UInt8],
                                          slotRange: ClosedRange<Int32>,
                                          watched: [(slot: Int32, combo: Int32)]) throws -> Windowed? {
        guard let totals = try storedTotals(db, known: known) else { return nil }
        return try SQLiteBlob.withReaders(db, table: table, columns: ["slots", "combos", "counts"], rowid: rowid) { readers in
            guard readers.allSatisfy({ $0.bytes == rowCount * MemoryLayout<Int32>.size }) else { return nil }
            let column = ColumnAccess(slots: readers[0], combos: readers[1], counts: readers[2])
            let limit = Int32(clamping: known.count)
            var kept = SlotRows()
            var scratch = [Int64](repeating: 0, count: known.count)
            for window in windows.ranges {
                let lo = Int32(clamping: window.lowerBound), hi = Int32(clamping: window.upperBound)
                let a = try column.firstRow(notBelow: lo, Int32.min, rowCount), b = try column.firstRow(notBelow: hi, Int32.min, rowCount)
                var start = a
                while start < b {
                    let n = min(pieceRows, b - start)
                    let (slots, combos, counts) = try column.read(rows: start..<(start + n))
                    // Checked as a whole snapshot is: ranges, order (within the piece and after the last one kept),
                    // known combinations; and inside the window, which a column out of order could belie.
                    guard SnapshotRowCheck.rangesAndOrderHold(slots: slots, combos: combos, counts: counts,
                                                              comboLimit: limit, slotRange: slotRange),
                          let first = slots.first, let last = slots.last, first >= lo, last < hi,
                          kept.rowCount == 0 || (kept.runSlot[kept.runSlot.count - 1], kept.combo[kept.rowCount - 1])
                              < (first, combos[0]) else { return nil }
                    let holds = combos.withUnsafeBufferPointer { c in
                        counts.withUnsafeBufferPointer { k in
                            SnapshotRowCheck.addTotals(combos: c, counts: k, known: known, gaps: true, into: &scratch)
                        }
                    }
                    guard holds else { return nil }
                    slots.withUnsafeBufferPointer { s in
                        combos.withUnsafeBufferPointer { c in
                            counts.withUnsafeBufferPointer { k in kept.append(slots: s, combos: c, counts: k) }
                        }
                    }
                    start += n
                }
            }
            var watchedCounts = [Int32](repeating: 0, count: watched.count)
            for (i, key) in watched.enumerated() {
                let at = try column.firstRow(notBelow: key.slot, key.combo, rowCount)
                guard at < rowCount else { continue }
                let (slot, combo, count) = try column.row(at)
                if slot == key.slot, combo == key.combo {
                    guard count >= 0 else { return nil }
                    watchedCounts[i] = count
                }
            }
            return Windowed(rows: kept, totals: totals, watchedCounts: watchedCounts)
        }
    }

    /// The stored totals, sized as `known` (combinations past the stored ones have none); nil when the store has
    /// no totals or they do not check (a size not a multiple of 8, more entries than combinations, a negative
    /// total, or a total for a combination the store does not hold).
    private static func storedTotals(_ db: Database, known: [UInt8]) throws -> [Int64]? {
        let header: RawStatement
        do {
            header = try RawStatement(db, "SELECT 1 FROM aggregate_snapshot WHERE id = 1 AND typeof(totals) = 'blob'")
        } catch {
            return nil  // a store this program has not migrated yet (readers never migrate): no such column
        }
        guard try header.step() else { return nil }  // none kept (NULL), or not bytes
        let bytes = try SQLiteBlob.size(db, table: table, column: "totals", rowid: rowid)
        guard bytes % 8 == 0, bytes / 8 <= known.count else { return nil }
        var totals = [Int64](repeating: 0, count: known.count)
        guard bytes > 0 else { return totals }
        try totals.withUnsafeMutableBytes { raw in
            try SQLiteBlob.read(db, table: table, column: "totals", rowid: rowid,
                                into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<bytes]))
        }
        for i in 0..<(bytes / 8) {
            let total = Int64(littleEndian: totals[i])
            guard total >= 0, total == 0 || known[i] == 1 else { return nil }
            totals[i] = total
        }
        return totals
    }

    /// Rows of the three columns read in place (`SQLiteBlob.Reader`), by row number.
    private struct ColumnAccess {
        let slots: SQLiteBlob.Reader
        let combos: SQLiteBlob.Reader
        let counts: SQLiteBlob.Reader

        func value(_ reader: SQLiteBlob.Reader, _ row: Int) throws -> Int32 {
            var v: Int32 = 0
            try withUnsafeMutableBytes(of: &v) { try reader.read(into: $0, at: row * 4) }
            return Int32(littleEndian: v)
        }

        func row(_ row: Int) throws -> (Int32, Int32, Int32) {
            (try value(slots, row), try value(combos, row), try value(counts, row))
        }

        /// The first row in `0..<rowCount` whose (slot, combo) is not below the key (rows sorted by both; a column
        /// out of order gives some row, which the caller's checks then refuse).
        func firstRow(notBelow slot: Int32, _ combo: Int32, _ rowCount: Int) throws -> Int {
            var lo = 0, hi = rowCount
            while lo < hi {
                let mid = (lo + hi) / 2
                let s = try value(slots, mid)
                var below = s < slot
                if !below, s == slot, combo != Int32.min { below = try value(combos, mid) < combo }
                if below { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }

        /// `rows` of the three columns.
        func read(rows: Range<Int>) throws -> (slots: [Int32], combos: [Int32], counts: [Int32]) {
            func column(_ reader: SQLiteBlob.Reader) throws -> [Int32] {
                var array = [Int32](repeating: 0, count: rows.count)
                try array.withUnsafeMutableBytes { try reader.read(into: $0, at: rows.lowerBound * 4) }
                #if _endian(big)
                for i in array.indices { array[i] = Int32(littleEndian: array[i]) }
                #endif
                return array
            }
            return (try column(slots), try column(combos), try column(counts))
        }
    }
}
