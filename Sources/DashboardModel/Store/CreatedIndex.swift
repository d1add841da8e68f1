import GRDB

/// The list's index on created (`deliveries_by_created_id`, migration `v8-list-index`): the list's and export's order
/// and their date ranges. Inserting into it entry by entry is random in created order, so a store that fills from
/// nothing builds it once, at the end, by a sort of the table's entries:
///
/// - a write transaction into a store without deliveries drops it (`StoreWriter.init`);
/// - every write transaction ends by building it when it is missing (`settle`), except while a full read of the
///   deliveries by the sync is under way (the deliveries' saved cursor is a full read): the sync's deliveries
///   transactions leave it away, and once the one that ends the read has committed, a transaction of its own builds
///   it (`DeliveryStore.applySyncPages`, while that commit is checkpointed);
/// - opening a store for writing builds it when it is missing and no such read is under way (a read abandoned, its
///   cursor forgotten), so a store is never left without it by a kill.
///
/// Readers do not need it: without it the list, its count and the export read the deliveries table and sort
/// (slower, the same rows).
enum CreatedIndex {
    static let name = "deliveries_by_created_id"
    static let create = "CREATE INDEX IF NOT EXISTS \(name) ON deliveries(created, id, combo, modified)"

    static func isPresent(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?)",
                          arguments: [name]) ?? false
    }

    static func drop(_ db: Database) throws {
        try db.execute(sql: "DROP INDEX IF EXISTS \(name)")
    }

    /// The store's sync state says a full read of the deliveries is under way (its saved cursor is a full read).
    static func fullReadUnderWay(_ db: Database) throws -> Bool {
        guard try db.tableExists("sync_tables") else { return false }
        return try String.fetchOne(db, sql: "SELECT cursor_kind FROM sync_tables WHERE name = ?",
                                   arguments: [SyncTable.deliveries.rawValue]) == SyncCursor.fullReadKind
    }

    /// Builds the index when it is missing and `fullReadUnderWay` is false; true when it built it.
    @discardableResult
    static func settle(_ db: Database, fullReadUnderWay: Bool) throws -> Bool {
        guard !fullReadUnderWay, try !isPresent(db) else { return false }
        try build(db)
        return true
    }

    /// The sort's settings while the index is built (`build`).
    static let sortCacheKiB = 4096
    static let sortHelperThreads = 1

    /// `CREATE INDEX` by a sort in runs of a few MiB, sorted on a helper thread and merged, instead of one list of
    /// the whole table in memory. The store's connections keep temporary data in memory (`temp_store = MEMORY`),
    /// and SQLite then sorts an index's entries as one linked list of separately allocated records: a million
    /// deliveries took 1.1 s, against 0.55 s by runs (`temp_store = FILE`, a 4 MiB cache, one helper thread;
    /// the runs go to temporary files, about 40 bytes an entry). The connection's settings are restored after.
    /// Should the runs fail (no writable temporary directory, a full disk) while the transaction is still open,
    /// the index is built in memory as before.
    static func build(_ db: Database) throws {
        let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size")
        let tempStore = try Int.fetchOne(db, sql: "PRAGMA temp_store")
        let threads = try Int.fetchOne(db, sql: "PRAGMA threads")
        func restore() {
            if let tempStore { try? db.execute(sql: "PRAGMA temp_store = \(tempStore)") }
            if let threads { try? db.execute(sql: "PRAGMA threads = \(threads)") }
            if let cache { try? db.execute(sql: "PRAGMA cache_size = \(cache)") }
        }
        // (temp_store cannot change while the connection's temporary database is in a transaction: then it stays.)
        let byRuns = (try? db.execute(sql: """
            PRAGMA temp_store = FILE; PRAGMA threads = \(sortHelperThreads); PRAGMA cache_size = -\(sortCacheKiB)
            """)) != nil
        defer { restore() }
        do {
            try db.execute(sql: create)
        } catch where byRuns && db.isInsideTransaction {
            ImportTrace.mark("index on created by runs failed: \(error)")
            restore()
            try db.execute(sql: create)
        }
    }
}
