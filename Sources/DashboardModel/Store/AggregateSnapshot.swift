import Foundation
import GRDB

/// The whole of `slot_counts` as of one generation, persisted in `aggregate_snapshot` as three little-endian
/// `Int32` arrays sorted by (slot, combo), so that the dashboard starts by copying three blobs instead of
/// stepping through millions of rows. Rows of `slot_counts` with a later generation are applied on top.
/// Written by `AggregateSnapshotWriter`, read by `AggregateIndex`.
struct AggregateSnapshot {
    static let table = "aggregate_snapshot"
    /// The table's only row.
    static let rowid: Int64 = 1

    /// `slot_counts` as of the end of this generation.
    var generation: Int64
    /// The rows' slots as runs (`SlotRows`): each distinct slot in the order read, and the row where it begins. Read
    /// piece by piece, never as a whole column. Unchecked: the index checks the order before it adopts them.
    var runSlots: [Int32]
    var runStarts: [Int]
    var combos: [Int32]
    var counts: [Int32]

    /// The snapshot, or nil when the store has none (an old store, or one with no slot rows yet).
    static func load(_ db: Database) throws -> AggregateSnapshot? {
        guard try db.tableExists(table) else { return nil }
        let header = try RawStatement(db, "SELECT generation, row_count FROM aggregate_snapshot WHERE id = 1")
        guard try header.step() else { return nil }
        let generation = try StoredInteger.read(header, 0, "aggregate_snapshot.generation", in: StoredInteger.generation)
        // Checked before it sizes the arrays: a negative or huge count must not reach an allocation.
        let count = Int(try StoredInteger.read(header, 1, "aggregate_snapshot.row_count", in: StoredInteger.rowCount))
        let (runSlots, runStarts) = try slotRuns(db, count)
        return AggregateSnapshot(generation: generation, runSlots: runSlots, runStarts: runStarts,
                                 combos: try column(db, "combos", count), counts: try column(db, "counts", count))
    }

    /// The slots column as runs of equal slots, read 64 KiB at a time.
    private static func slotRuns(_ db: Database, _ count: Int) throws -> (slots: [Int32], starts: [Int]) {
        var slots: [Int32] = [], starts: [Int] = []
        var row = 0
        var last: Int32? = nil
        try SQLiteBlob.readPieces(db, table: table, column: "slots", rowid: rowid, expected: count * MemoryLayout<Int32>.size,
                                  pieceBytes: 65_536) { piece in
            // Pieces are whole multiples of 4 bytes (the blob's size was checked, the piece size is one).
            for i in 0..<(piece.count / 4) {
                let slot = Int32(littleEndian: piece.loadUnaligned(fromByteOffset: i * 4, as: Int32.self))
                if slot != last {
                    slots.append(slot)
                    starts.append(row)
                    last = slot
                }
                row += 1
            }
        }
        return (slots, starts)
    }

    /// The snapshot's generation, or nil when the store has no snapshot row.
    static func generation(_ db: Database) throws -> Int64? {
        let header = try RawStatement(db, "SELECT generation FROM aggregate_snapshot WHERE id = 1")
        guard try header.step() else { return nil }
        return try StoredInteger.read(header, 0, "aggregate_snapshot.generation", in: StoredInteger.generation)
    }

    private static func column(_ db: Database, _ name: String, _ count: Int) throws -> [Int32] {
        let bytes = try SQLiteBlob.size(db, table: table, column: name, rowid: rowid)
        guard bytes == count * MemoryLayout<Int32>.size else {
            throw StoreDamaged("aggregate_snapshot.\(name) holds \(bytes) bytes, expected \(count) × 4 (row_count \(count))")
        }
        return try [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
            try SQLiteBlob.read(db, table: table, column: name, rowid: rowid, into: UnsafeMutableRawBufferPointer(buffer))
            #if _endian(big)
            for i in 0..<count { buffer[i] = Int32(littleEndian: buffer[i]) }
            #endif
            initialized = count
        }
    }

    /// Stores the arrays (sorted by slot, then combo) as the snapshot of `generation`, replacing any earlier one,
    /// with each combination's total over them (`totals`, what the windowed read takes instead of every row).
    static func save(_ db: Database, generation: Int64, slots: [Int32], combos: [Int32], counts: [Int32]) throws {
        let bytes = slots.count * MemoryLayout<Int32>.size
        let totals = Self.totals(of: combos, counts: counts).map(\.littleEndian)
        try db.execute(sql: """
            INSERT OR REPLACE INTO aggregate_snapshot(id, generation, row_count, slots, combos, counts, totals)
            VALUES (1, ?, ?, zeroblob(?), zeroblob(?), zeroblob(?), ?)
            """, arguments: [generation, slots.count, bytes, bytes, bytes,
                             totals.withUnsafeBytes { Data($0) }])
        for (name, array) in [("slots", slots), ("combos", combos), ("counts", counts)] {
            #if _endian(big)
            let stored = array.map(\.littleEndian)
            #else
            let stored = array
            #endif
            try stored.withUnsafeBytes { try SQLiteBlob.write(db, table: table, column: name, rowid: rowid, from: $0) }
        }
    }
}
