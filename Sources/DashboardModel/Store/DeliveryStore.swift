import Foundation
import GRDB

/// Problems opening the store, worded for the person at the terminal.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// No store where one was to be read: nothing at the path, or an empty file. The model does not say what to do about
/// it; the command line does (`StoreMissing.commandLineText`).
public struct StoreMissing: Error, Sendable, Equatable {
    public let path: String
    public let fileIsEmpty: Bool

    public init(path: String, fileIsEmpty: Bool) {
        self.path = path
        self.fileIsEmpty = fileIsEmpty
    }
}

/// The SQLite store (WAL, so the dashboard reads while an import or feed writes).
public final class DeliveryStore: Sendable {
    public let path: String
    let pool: DatabasePool
    /// Combinations known from this object's committed transactions (see `ComboCache`).
    let comboCache = ComboCache()
    /// A write that changed more slot rows than this rewrites the aggregate snapshot (tests open stores with a lower
    /// one to see the rewrite with a few rows).
    let snapshotRewriteThreshold: Int

    private init(path: String, pool: DatabasePool,
                 snapshotRewriteThreshold: Int = AggregateSnapshotWriter.defaultRewriteThreshold) {
        self.path = path
        self.pool = pool
        self.snapshotRewriteThreshold = snapshotRewriteThreshold
    }

    /// Opens the store for writing, creating it and its folder when missing, and migrating it.
    ///
    /// Safe under concurrent first use: creation and migration happen under a lock file beside the store
    /// (`FileLock`), so writers started together take turns; a new store is built under another name and renamed
    /// into place (`StoreFile.create`), so it appears whole or not at all. A file that is neither empty nor a store
    /// is refused and left unchanged.
    /// - Parameter bulk: a large import: SQLite may keep 256 MiB of pages in memory. A long-running writer
    ///   (a feed) keeps SQLite's small default, so its memory stays flat for days.
    public static func openForWriting(path: String, bulk: Bool = false) throws -> DeliveryStore {
        try openForWriting(path: path, bulk: bulk, snapshotRewriteThreshold: AggregateSnapshotWriter.defaultRewriteThreshold)
    }

    /// `openForWriting(path:bulk:)` with the snapshot's rewrite threshold given (`snapshotRewriteThreshold`).
    static func openForWriting(path: String, bulk: Bool = false, snapshotRewriteThreshold: Int) throws -> DeliveryStore {
        try StoreFile.prepareFolder(for: path)
        // A new store gets 16 KiB pages (fewer B-tree pages to split and write on a large import); an existing
        // store keeps its own (SQLite ignores this once the file has content).
        let prepare: @Sendable (Database) throws -> Void = { db in
            try db.execute(sql: "PRAGMA page_size = 16384")
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY")
            if bulk { try db.execute(sql: "PRAGMA cache_size = -262144") }
        }
        // Checked before the lock too, so that an unrelated file gets no lock file beside it.
        _ = try StoreFile.kind(of: path)
        let lock = try FileLock(path: StoreFile.lockPath(path))
        defer { lock.unlock() }
        if try StoreFile.kind(of: path) == .absent {
            try StoreFile.create(at: path, prepare: prepare)
        }
        var config = GRDB.Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase(prepare)
        let pool = try DatabasePool(path: path, configuration: config)
        if try !pool.read({ db in try Schema.migrator.hasCompletedMigrations(db) }) {
            // An older store, upgraded once (each migration in its own transaction), under the lock.
            try Schema.migrator.migrate(pool)
        }
        // A store left without the index on created (a first read killed, then abandoned) gets it back now; while
        // the read is under way it stays away until the read ends (`CreatedIndex`).
        try pool.write { db in
            if try CreatedIndex.settle(db, fullReadUnderWay: CreatedIndex.fullReadUnderWay(db)) {
                ImportTrace.mark("index on created built")
            }
        }
        return DeliveryStore(path: path, pool: pool, snapshotRewriteThreshold: snapshotRewriteThreshold)
    }

    /// How much of a store a reader maps (`PRAGMA mmap_size`).
    static let readerMapBytes = 1 << 30

    /// Opens an existing store for reading only: the dashboard and `snapshot` never write.
    public static func openForReading(path: String) throws -> DeliveryStore {
        try StoreFile.refuseDirectory(path)
        guard FileManager.default.fileExists(atPath: path) else { throw StoreMissing(path: path, fileIsEmpty: false) }
        if StoreFile.isNothingYet(path) { throw StoreMissing(path: path, fileIsEmpty: true) }
        var config = GRDB.Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        // Readers map the file (up to 1 GiB): a page is read from the kernel's cache where it lies instead of being
        // copied into SQLite's cache first (the aggregate snapshot's blobs are most of a reading start's bytes).
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = \(Self.readerMapBytes)") }
        // The reader's own first read tells what the file is (what `StoreFile.kind` finds with a connection of its
        // own when a store is opened for writing): a reading start opens one connection, not two.
        let pool: DatabasePool
        let tables: [String]
        do {
            pool = try DatabasePool(path: path, configuration: config)
            tables = try pool.read { db in try StoreFile.tableNames(db) }
        } catch {
            throw StoreFile.notAStore(path, error)
        }
        try StoreFile.check(tables: tables, path: path)
        guard tables.contains("slot_counts") && tables.contains("meta") else {
            throw StoreError("\(path) is not a proactive-tui store (no slot_counts table)")
        }
        return DeliveryStore(path: path, pool: pool)
    }

    /// Runs `body` in one write transaction: everything it applies lands together, or nothing does.
    @discardableResult
    public func write(now: Date = Date(), _ body: (StoreWriter) throws -> Void) throws -> ImportSummary {
        defer { ImportTrace.mark("write transaction ended") }
        let (summary, combos) = try pool.write { db in
            let writer = try StoreWriter(db: db, now: now, combos: comboCache.current,
                                         snapshotRewriteThreshold: snapshotRewriteThreshold)
            try body(writer)
            try writer.finish()
            return (writer.summary, writer.comboContents)
        }
        comboCache.committed(combos)
        return summary
    }

    /// Like `write`, with the records made by `produce` on a second thread (generating or reading them, and staging
    /// deliveries) while this thread applies them: one transaction, as `write`.
    public func write(now: Date = Date(),
                      producing produce: @escaping (_ emit: (ImportRecord) throws -> Void) throws -> Void) throws -> ImportSummary {
        try write(now: now) { writer in
            try PipelinedWrite.run(writer, produce: { sink in try produce(sink.emit) })
        }
    }

    /// The store's change counter: it grows with every committed import or feed batch.
    public func generation() throws -> Int64 {
        try pool.read { db in try StoredInteger.generation(db) }
    }

    /// Runs a read-only block on a reader connection.
    public func read<T>(_ body: (Database) throws -> T) throws -> T { try pool.read(body) }

    /// Runs a block on the writer connection outside a transaction (the benchmark's `CREATE INDEX`).
    public func writeWithoutTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction(body)
    }

    /// Size of the database file and its WAL, in bytes.
    public func sizeOnDisk() -> Int64 {
        [path, path + "-wal"].reduce(Int64(0)) { sum, file in
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value ?? 0
            return sum + size
        }
    }

    /// Checkpoints the WAL into the main file (after a large import).
    public func checkpoint() throws {
        try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }
}
