import GRDB

/// Keeps `aggregate_snapshot` useful: `StoreWriter.finish` rewrites it, inside the write transaction, after a batch
/// that changed more slot rows than the threshold (an import), or when the store has slot rows but no snapshot yet.
/// Small live-feed batches leave it alone: the dashboard applies their rows (`generation > snapshot.generation`) on
/// top of it.
enum AggregateSnapshotWriter {
    /// A batch that changed more (slot, combo) rows than this rewrites the snapshot (a store opened with another
    /// threshold, as tests do, uses its own: `DeliveryStore.snapshotRewriteThreshold`).
    static let defaultRewriteThreshold = 50_000

    /// `slot_counts` whole, as the snapshot holds it (sorted by slot and combination): what a sync keeps between the
    /// transactions of one call (`StoreWriter.Continuation`, valid while nobody else writes), so that the next one's
    /// snapshot is this merged with its changes instead of the table read back (at a million deliveries about
    /// 900,000 rows: 0.2 s of the writer's each time).
    struct WholeTable {
        let slots: [Int32], combos: [Int32], counts: [Int32]
    }

    /// A slot row as the snapshot can hold it: nil when a value is out of its range (as `rebuild`'s checked reads
    /// would refuse it).
    private static func packed(_ slot: Int64, _ combo: Int64, _ n: Int64) -> (Int32, Int32, Int32)? {
        guard StoredInteger.slot.contains(slot), StoredInteger.comboId.contains(combo), StoredInteger.count.contains(n),
              let slot32 = Int32(exactly: slot), let combo32 = Int32(exactly: combo), let n32 = Int32(exactly: n)
        else { return nil }
        return (slot32, combo32, n32)
    }

    /// Saves and returns the snapshot of `table` (the whole table as the call's transaction before left it) with
    /// this transaction's `changes` (sorted by slot and combination, as `upsert` wrote them) added. Nil, having
    /// written nothing, when a merged value leaves the snapshot's range: the caller reads the table.
    static func merge(_ db: Database, generation: Int64, into table: WholeTable,
                      _ changes: [(slot: Int64, combo: Int64, delta: Int64)]) throws -> WholeTable? {
        var slots: [Int32] = [], combos: [Int32] = [], counts: [Int32] = []
        let capacity = table.slots.count + changes.count
        slots.reserveCapacity(capacity)
        combos.reserveCapacity(capacity)
        counts.reserveCapacity(capacity)
        var i = 0, j = 0
        while i < table.slots.count || j < changes.count {
            // The smaller key of the two lists goes first; an equal key takes the kept count plus the change.
            let keptKey = i < table.slots.count ? (Int64(table.slots[i]), Int64(table.combos[i])) : (Int64.max, Int64.max)
            let changeKey = j < changes.count ? (changes[j].slot, changes[j].combo) : (Int64.max, Int64.max)
            var n: Int64 = 0
            if keptKey <= changeKey { n += Int64(table.counts[i]); i += 1 }
            if changeKey <= keptKey { n += changes[j].delta; j += 1 }
            let key = keptKey <= changeKey ? keptKey : changeKey
            guard let row = packed(key.0, key.1, n) else { return nil }
            slots.append(row.0)
            combos.append(row.1)
            counts.append(row.2)
        }
        try AggregateSnapshot.save(db, generation: generation, slots: slots, combos: combos, counts: counts)
        return WholeTable(slots: slots, combos: combos, counts: counts)
    }

    /// Replaces the snapshot with rows the caller knows to be the whole of `slot_counts`, sorted by (slot, combo)
    /// (a batch that filled a store without counts): nothing is read back. Returns the table, unless a value had to
    /// be clamped (then the snapshot is not the table, and a later merge must not start from it).
    @discardableResult
    static func replace(_ db: Database, generation: Int64, wholeTable rows: [(slot: Int64, combo: Int64, delta: Int64)]) throws -> WholeTable? {
        let table = WholeTable(slots: rows.map { Int32(clamping: $0.slot) }, combos: rows.map { Int32(clamping: $0.combo) },
                               counts: rows.map { Int32(clamping: $0.delta) })
        try AggregateSnapshot.save(db, generation: generation, slots: table.slots, combos: table.combos, counts: table.counts)
        return rows.allSatisfy({ packed($0.slot, $0.combo, $0.delta) != nil }) ? table : nil
    }

    /// Writes the snapshot when the store has slot rows but no snapshot (an older store, opened for writing).
    static func rebuildIfMissing(_ db: Database) throws {
        guard try isMissing(db) else { return }
        let generation = try StoredInteger.generation(db)
        try rebuild(db, generation: generation)
    }

    /// True when there is no snapshot although `slot_counts` has rows.
    static func isMissing(_ db: Database) throws -> Bool {
        let hasSnapshot = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM aggregate_snapshot)") ?? false
        if hasSnapshot { return false }
        return try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM slot_counts)") ?? false
    }

    /// Replaces the snapshot with the whole of `slot_counts`, as of `generation`, and returns it.
    @discardableResult
    static func rebuild(_ db: Database, generation: Int64) throws -> WholeTable {
        var slots: [Int32] = [], combos: [Int32] = [], counts: [Int32] = []
        let statement = try RawStatement(db, "SELECT slot, combo, n FROM slot_counts ORDER BY slot, combo")
        while try statement.step() {
            // Checked: a damaged row must not be clamped into a snapshot that then reads as sound.
            slots.append(try StoredInteger.read32(statement, 0, "slot_counts.slot", in: StoredInteger.slot))
            combos.append(try StoredInteger.read32(statement, 1, "slot_counts.combo", in: StoredInteger.comboId))
            counts.append(try StoredInteger.read32(statement, 2, "slot_counts.n", in: StoredInteger.count))
        }
        try AggregateSnapshot.save(db, generation: generation, slots: slots, combos: combos, counts: counts)
        return WholeTable(slots: slots, combos: combos, counts: counts)
    }
}
