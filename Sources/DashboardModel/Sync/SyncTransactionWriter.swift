import Foundation
import GRDB
import Synchronization

/// The writer's side of one `DeliveryStore.applySyncPages` call: the transactions its pages are cut into, one after
/// another on the store's writer connection. The reading (`SyncTransactionPages`) asks for each end in the stream of
/// batches and records, and goes on reading the next transaction's pages while it runs; the next transaction begins
/// when its first item arrives (`begin`). Everything here runs on the writer's thread, except `lastEndSeconds`.
final class SyncTransactionWriter {
    let store: DeliveryStore
    let db: Database
    let table: SyncTable
    let now: Date?
    let backgroundCheckpointEntries: Int
    /// The deliveries' stager, shared by the call's transactions.
    let stager: DeliveryStager
    /// The open transaction's writer; nil between transactions.
    private(set) var writer: StoreWriter?
    private var continuation: StoreWriter.Continuation?
    /// The table's state as the last transaction saved it (loaded when the first one began).
    private(set) var state: SyncTableState
    /// What the committed transactions did.
    private(set) var total = SyncPageOutcome()
    /// Checkpoints the WAL once a transaction is large (`WALCheckpointer`); the caller finishes it.
    private(set) var checkpointer: WALCheckpointer?
    /// Rows the end of a full read deleted in the open transaction.
    var unseen = 0
    private let lastEnd = Mutex<Double?>(nil)

    /// Begins the call's first transaction (the table's state is read inside it).
    init(store: DeliveryStore, db: Database, table: SyncTable, now: Date?, backgroundCheckpointEntries: Int) throws {
        self.store = store
        self.db = db
        self.table = table
        self.now = now
        self.backgroundCheckpointEntries = backgroundCheckpointEntries
        try db.beginTransaction(.immediate)
        do {
            state = try SyncTableState.load(db, table) ?? SyncTableState(table: table, rows: try SyncTableState.countRows(db, table))
            let writer = try Self.makeWriter(store, db, now: now, continuing: nil)
            stager = writer.stager
            self.writer = writer
        } catch {
            try? db.rollback()
            throw error
        }
    }

    /// How long the end of the last transaction committed took, seconds (nil: none yet). Any thread.
    var lastEndSeconds: Double? { lastEnd.withLock { $0 } }

    /// The open transaction's writer, beginning the next transaction when none is open. Errors are the store's own
    /// (`SyncStoreFailure`), not a page's.
    func begin() throws -> StoreWriter {
        if let writer { return writer }
        do {
            try db.beginTransaction(.immediate)
            let writer = try Self.makeWriter(store, db, now: now, continuing: continuation)
            self.writer = writer
            return writer
        } catch {
            throw SyncStoreFailure(error: error)
        }
    }

    private static func makeWriter(_ store: DeliveryStore, _ db: Database, now: Date?,
                                   continuing: StoreWriter.Continuation?) throws -> StoreWriter {
        let writer = try StoreWriter(db: db, now: now ?? Date(), combos: store.comboCache.current,
                                     snapshotRewriteThreshold: store.snapshotRewriteThreshold, continuing: continuing)
        // The reading thread stages into the stager until the call ends.
        writer.stagerLent = true
        return writer
    }

    /// Ends the open transaction: its counts, links and snapshot (`StoreWriter.finish`), the table's state with
    /// the reading's cursor, and the commit; then, when it ended the first full read of a store without deliveries,
    /// the index on created in a transaction of its own.
    func end(_ tally: SyncTransactionTally) throws {
        guard let writer else { return }
        do {
            try end(writer, tally)
        } catch {
            throw SyncStoreFailure(error: error)
        }
    }

    private func end(_ writer: StoreWriter, _ tally: SyncTransactionTally) throws {
        let endBegan = Date()
        var state = self.state
        state.cursor = tally.cursor
        state.epoch = tally.epoch
        var outcome = total
        // The first full read of a store without deliveries builds the index on created when it ends.
        // (Not in this transaction: after its commit, in one of its own, while that commit is checkpointed.)
        var buildsCreatedIndex = false
        if table == .deliveries {
            writer.buildsCreatedIndex = false
            buildsCreatedIndex = try !(state.cursor?.isFullRead ?? false) && !CreatedIndex.isPresent(db)
        }
        try writer.finish()
        let summary = writer.summary
        if tally.endedFullRead {
            state.rows = try SyncTableState.countRows(db, table)
            // The slot rows of a full read's many transactions, packed again: a dashboard started now copies the
            // snapshot instead of reading every row written since the first page.
            if let generation = try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'generation'"),
               try Int64.fetchOne(db, sql: "SELECT generation FROM aggregate_snapshot WHERE id = 1") != generation {
                try AggregateSnapshotWriter.rebuild(db, generation: generation)
            }
        } else {
            let counts = summary.counts(of: table)
            state.rows = max(0, state.rows + Int64(counts.inserted - counts.deleted))
        }
        if let newest = writer.newestStamp { state.newestModified = max(state.newestModified ?? newest, newest) }
        try state.save(db)
        if tally.conversationPages > 0, table != .conversations {
            // Counted once (the count includes this transaction's rows), then kept by the counts.
            if var conversations = try SyncTableState.load(db, .conversations) {
                conversations.rows = max(0, conversations.rows + Int64(summary.conversations.inserted - summary.conversations.deleted))
                try conversations.save(db)
            } else {
                try SyncTableState(table: .conversations, rows: try SyncTableState.countRows(db, .conversations)).save(db)
            }
        }
        try DeliveryStore.bumpSyncGeneration(db)
        // (A checkpointer that cannot open its connection leaves the checkpoints to the commits.)
        if checkpointer == nil, tally.entries + tally.conversationEntries >= backgroundCheckpointEntries,
           let opened = try? WALCheckpointer(path: store.path) {
            checkpointer = opened
            _ = try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint = 0")
        }
        outcome.summary.add(summary)
        outcome.deleted += summary.deliveries.deleted + summary.configurations.deleted + summary.queues.deleted
            + summary.conversations.deleted
        outcome.rows += tally.entries
        outcome.conversationRows += tally.conversationEntries
        outcome.conversationPages += tally.conversationPages
        outcome.deletedAsUnseen += unseen
        outcome.endedFullRead = outcome.endedFullRead || tally.endedFullRead
        outcome.transactions += 1
        let combos = writer.comboContents
        let next = writer.continuation
        try db.commit()
        self.writer = nil
        self.state = state
        continuation = next
        unseen = 0
        checkpointer?.request()
        store.comboCache.committed(combos)
        total = outcome
        if buildsCreatedIndex {
            // The first read of an empty store ended: its index on created, by a sort of the table's entries.
            var built = false
            try db.inTransaction(.immediate) {
                built = try CreatedIndex.settle(db, fullReadUnderWay: false)
                return .commit
            }
            if built {
                ImportTrace.mark("index on created built")
                checkpointer?.request()
            }
        }
        total.lastEndSeconds = Date().timeIntervalSince(endBegan)
        lastEnd.withLock { $0 = total.lastEndSeconds }
    }

    /// After a failure: the open transaction (its pages since the last commit) is rolled back.
    func abandon() {
        guard writer != nil else { return }
        writer = nil
        try? db.rollback()
    }
}
