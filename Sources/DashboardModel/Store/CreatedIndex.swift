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
        try db.execute(sql: create)
        return true
    }
}
