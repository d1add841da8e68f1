import GRDB

/// Keeps `aggregate_snapshot` useful: rewrites it from `slot_counts`, inside the write transaction, after a batch
/// that changed many slot rows (an import), or when the store has slot rows but no snapshot yet. Small live-feed
/// batches leave it alone: the dashboard applies their rows (`generation > snapshot.generation`) on top of it.
enum AggregateSnapshotWriter {
    /// A batch that changed more (slot, combo) rows than this rewrites the snapshot (a store opened with another
    /// threshold, as tests do, uses its own: `DeliveryStore.snapshotRewriteThreshold`).
    static let defaultRewriteThreshold = 50_000

    /// Called at the end of `StoreWriter.finish()`, after `slot_counts` and the generation are written.
    /// - Parameters:
    ///   - generation: the generation the batch committed (the rows it changed carry it).
    ///   - changedSlotRows: how many (slot, combo) entries the batch changed.
    ///   - threshold: more changed rows than this rewrite the snapshot.
    static func refreshIfNeeded(_ db: Database, generation: Int64, changedSlotRows: Int, threshold: Int) throws {
        if changedSlotRows > threshold {
            try rebuild(db, generation: generation)
        } else if try isMissing(db) {
            try rebuild(db, generation: generation)
        }
    }

    /// Replaces the snapshot with rows the caller knows to be the whole of `slot_counts`, sorted by (slot, combo)
    /// (a batch that filled a store without counts): nothing is read back.
    static func replace(_ db: Database, generation: Int64, wholeTable rows: [(slot: Int64, combo: Int64, delta: Int64)]) throws {
        try AggregateSnapshot.save(db, generation: generation, slots: rows.map { Int32(clamping: $0.slot) },
                                   combos: rows.map { Int32(clamping: $0.combo) }, counts: rows.map { Int32(clamping: $0.delta) })
    }

    /// Writes the snapshot when the store has slot rows but no snapshot (an older store, opened for writing).
    static func rebuildIfMissing(_ db: Database) throws {
        guard try isMissing(db) else { return }
        let generation = try StoredInteger.generation(db)
        try rebuild(db, generation: generation)
    }

    /// True when there is no snapshot although `slot_counts` has rows.
    private static func isMissing(_ db: Database) throws -> Bool {
        let hasSnapshot = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM aggregate_snapshot)") ?? false
        if hasSnapshot { return false }
        return try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM slot_counts)") ?? false
    }

    /// Replaces the snapshot with the whole of `slot_counts`, as of `generation`.
    static func rebuild(_ db: Database, generation: Int64) throws {
        var slots: [Int32] = [], combos: [Int32] = [], counts: [Int32] = []
        let statement = try RawStatement(db, "SELECT slot, combo, n FROM slot_counts ORDER BY slot, combo")
        while try statement.step() {
            // Checked: a damaged row must not be clamped into a snapshot that then reads as sound.
            slots.append(try StoredInteger.read32(statement, 0, "slot_counts.slot", in: StoredInteger.slot))
            combos.append(try StoredInteger.read32(statement, 1, "slot_counts.combo", in: StoredInteger.comboId))
            counts.append(try StoredInteger.read32(statement, 2, "slot_counts.n", in: StoredInteger.count))
        }
        try AggregateSnapshot.save(db, generation: generation, slots: slots, combos: combos, counts: counts)
    }
}
