import Foundation
import GRDB

/// The store side of `proactive-tui sync` (issue 11): pages of the Dataverse Web API applied as imports are, with
/// the table's cursor saved in the same transaction; deletions; full-read convergence; the sync's visible state.
extension DeliveryStore {
    /// One page of a Web API response, as received (`{"@odata.context": ..., "value": [...], "@odata.nextLink" or
    /// "@odata.deltaLink": ...}`), applied in ONE transaction with the table's new cursor.
    ///
    /// Its rows go through the same record reader (`RecordFileReader(name:bytes:)`) and upsert rules as `import`;
    /// `$deletedEntity` entries delete the row with that primary key (deliveries: `msdyn_proactive_deliveryid`, the row
    /// id). Full reads converge: each row of `table` applied during a full read is marked with the read's number;
    /// the page whose cursor becomes `.delta` while a full read is under way (or while the table has no cursor: a
    /// full read in one page) ends it and deletes every row of the table the read did not see. Pages with the cursor
    /// `.fullRead(startedAt: S)` belong to the read started at `S`: a stored cursor with another start (or none, or
    /// a delta or polling cursor) means this page starts a new full read. A `.delta` page after a `.delta` cursor
    /// applies changes only. `cursor` nil saves no cursor (conversations fetched by id).
    ///
    /// - Parameter source: names the page (its URL without any token) in errors.
    /// - Throws: `ImportError` for a page it cannot read (bad JSON, an HTML error page, a record without its
    ///   required columns), `StoreError` for a cursor whose link carries a credential; either way nothing changes.
    @discardableResult
    public func applySyncPage(_ bytes: [UInt8], table: SyncTable, source: String, cursor: SyncCursor?,
                              now: Date = Date()) throws -> SyncPageOutcome {
        try applySyncPages([SyncPage(bytes: bytes, source: source, cursor: cursor)], table: table, now: now)
    }

    /// Several pages of one table, received one after another, applied in ONE transaction in their order, each as
    /// `applySyncPage` applies it (the cursor saved is the last page's). Throws as `applySyncPage` does; nothing of
    /// any page is applied then.
    @discardableResult
    public func applySyncPages(_ pages: [SyncPage], table: SyncTable, now: Date = Date()) throws -> SyncPageOutcome {
        var iterator = pages.makeIterator()
        return try applySyncPages(table: table, now: now, policy: .oneTransaction) { _ in iterator.next() }
    }

    /// A stream of pages of one table (`next` returns them as they arrive, blocking while the next one is fetched,
    /// and nil at the end of the round), applied in as few transactions as `policy` allows: a transaction takes
    /// pages until it holds `policy.maxEntries` entries or has been open `policy.maxSeconds`, then commits with the
    /// cursor of its last page, and the next one begins. Each page is applied as `applySyncPage` applies it. The
    /// store's cost per transaction (rewriting the B-tree pages that random keys touch, the link and row id
    /// buckets, the commit) is then paid once per many pages, and the pages need not be held in memory.
    ///
    /// Each transaction's pages are read (parsed and staged) on a reading thread of their own while this thread
    /// applies them (`SyncTransactionPages`): `next` is called on that thread, one call at a time, and never after
    /// this call has returned.
    ///
    /// The transaction (and the store's write lock) stays open while `next` waits: a `next` with nothing ready
    /// within about `policy.maxSeconds` should return nil (the call commits and returns) and the client call again
    /// when pages arrive; the table's state carries over. Each call tells `next` how long the transaction it would
    /// join has been open and what the last transaction's end cost (`SyncPageRequest`), so that it can weigh
    /// waiting against committing.
    ///
    /// A page that cannot be read throws, and the transaction under way (its pages since the last commit) is rolled
    /// back; transactions committed before it stay, each whole with its cursor, so the next round resumes after them.
    /// - Parameter now: the time for the live figures' window; nil: the clock, read when each transaction begins.
    @discardableResult
    public func applySyncPages(table: SyncTable, now: Date? = nil, policy: SyncCommitPolicy = .default,
                               next: @escaping (SyncPageRequest) throws -> SyncPage?) throws -> SyncPageOutcome {
        try applySyncPages(table: table, now: now, policy: policy, backgroundCheckpointEntries: Self.backgroundCheckpointEntries,
                           next: next)
    }

    /// `applySyncPages(table:now:policy:next:)`, its checkpoints turned over to a thread of their own from a
    /// transaction of `backgroundCheckpointEntries` entries (tests give a few).
    @discardableResult
    func applySyncPages(table: SyncTable, now: Date?, policy: SyncCommitPolicy, backgroundCheckpointEntries: Int,
                        next: @escaping (SyncPageRequest) throws -> SyncPage?) throws -> SyncPageOutcome {
        var total = SyncPageOutcome()
        // Once a transaction is large, the WAL is checkpointed on a thread of its own (`WALCheckpointer`) instead of
        // by the commit; the call waits for it before it returns.
        var checkpointer: WALCheckpointer?
        defer { checkpointer?.finish() }
        try pool.writeWithoutTransaction { db in
            try Self.prepareSyncConnection(db)
            guard let first = try next(SyncPageRequest(transactionAge: nil, lastEndSeconds: nil)) else { return }
            let side = try SyncTransactionWriter(store: self, db: db, table: table, now: now,
                                                 backgroundCheckpointEntries: backgroundCheckpointEntries)
            // The connection's other writes checkpoint as before.
            defer {
                checkpointer = side.checkpointer
                if checkpointer != nil { _ = try? Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint = \(Self.autocheckpointPages)") }
            }
            do {
                try SyncTransactionPages(table: table, state: side.state).run(first: first, side: side, policy: policy, next: next)
            } catch {
                side.abandon()
                throw error
            }
            total = side.total
        }
        return total
    }

    /// Whether the store holds no conversation at all.
    public func holdsNoConversations() throws -> Bool {
        try pool.read { db in try Bool.fetchOne(db, sql: "SELECT NOT EXISTS(SELECT 1 FROM conversations)") ?? false }
    }

    /// Of these conversation ids, those the store holds (compared by the normalized id, not only its key).
    public func storedConversationIds(among ids: [String]) throws -> Set<String> {
        guard !ids.isEmpty else { return [] }
        return try pool.read { db in
            let find = try RawStatement(db, "SELECT conversation_id FROM conversations WHERE id = ?")
            var found = Set<String>()
            for id in ids {
                let normalized = GUIDText.normalize(id)
                find.bind(1, StableHash.of(normalized))
                if try find.step(), RowIdText.of(find, 0) == normalized { found.insert(id) }
                find.reset()
            }
            return found
        }
    }

    /// The table's saved cursor; nil when it has none (never synced, or reset).
    public func syncCursor(for table: SyncTable) throws -> SyncCursor? {
        try pool.read { db in
            guard try db.tableExists("sync_tables") else { return nil }
            return try SyncTableState.load(db, table)?.cursor
        }
    }

    /// Forgets a table's cursor (the service refused its delta token): the next page starts a full read, which
    /// converges to the service's rows, deletions included.
    public func resetSyncCursor(for table: SyncTable) throws {
        try pool.write { db in
            guard var state = try SyncTableState.load(db, table) else { return }
            state.cursor = nil
            try state.save(db)
            try Self.bumpSyncGeneration(db)
        }
    }

    /// Conversation ids (text, as in `msdyn_conversation_id`) that synced deliveries link to and the store has not
    /// read yet, at most `limit`, in a stable order. A conversation stored later (any import or sync page) leaves
    /// the list by itself.
    public func wantedConversationIds(limit: Int) throws -> [String] {
        try pool.read { db in
            guard limit > 0, try db.tableExists("sync_wanted_conversations") else { return [] }
            return try String.fetchAll(db, sql: "SELECT conversation_id FROM sync_wanted_conversations ORDER BY id LIMIT ?",
                                       arguments: [limit])
        }
    }

    /// Drops wanted conversation ids the service did not return (they are not asked for again until a synced
    /// delivery links to them anew).
    public func forgetWantedConversations(_ ids: [String]) throws {
        guard !ids.isEmpty else { return }
        try pool.write { db in
            let statement = try db.makeStatement(sql: "DELETE FROM sync_wanted_conversations WHERE id = ?")
            for id in ids { try statement.execute(arguments: [StableHash.of(GUIDText.normalize(id))]) }
        }
    }

    /// Names the organization the store is synced from (scheme, host and path are kept; user info, query and
    /// fragment are not).
    public func setSyncOrganization(_ url: String) throws {
        let org = Self.organization(url)
        try pool.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO sync_status(id) VALUES (1)")
            try db.execute(sql: "UPDATE sync_status SET org = ? WHERE id = 1", arguments: [org])
            try Self.bumpSyncGeneration(db)
        }
    }

    /// A round succeeded: failures are over. `serverTime` is the service's clock (its `Date` header), for the lag.
    public func recordSyncSuccess(at: Date, serverTime: Date?) throws {
        try pool.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO sync_status(id) VALUES (1)")
            try db.execute(sql: """
                UPDATE sync_status SET last_success = ?, last_attempt = ?, failing_since = NULL, last_error = NULL,
                server_time = coalesce(?, server_time) WHERE id = 1
                """, arguments: [at.timeIntervalSince1970, at.timeIntervalSince1970, serverTime?.timeIntervalSince1970])
            try Self.bumpSyncGeneration(db)
        }
    }

    /// A round failed. The message is stored with anything that looks like a credential removed (`SyncSecrets`), and
    /// cut to its first 1,000 characters (an error page's body is no message).
    public func recordSyncFailure(at: Date, message: String) throws {
        let text = String(SyncSecrets.redact(message).prefix(1000))
        try pool.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO sync_status(id) VALUES (1)")
            try db.execute(sql: """
                UPDATE sync_status SET last_attempt = ?, failing_since = coalesce(failing_since, ?), last_error = ?
                WHERE id = 1
                """, arguments: [at.timeIntervalSince1970, at.timeIntervalSince1970, text])
            try Self.bumpSyncGeneration(db)
        }
    }

    /// The sync's visible state; nil when this store was never synced (or predates the sync). Works on a store
    /// opened for reading only; reads two small tables.
    public func syncStatus() throws -> SyncStatus? {
        try pool.read { db in
            guard try db.tableExists("sync_status"), try db.tableExists("sync_tables") else { return nil }
            let row = try Row.fetchOne(db, sql: "SELECT * FROM sync_status WHERE id = 1")
            let tables = try SyncTableState.loadAll(db)
            if row == nil && tables.isEmpty { return nil }
            func date(_ column: String) -> Date? {
                (row?[column] as Double?).map { Date(timeIntervalSince1970: $0) }
            }
            var status = SyncStatus(org: row?["org"], lastSuccess: date("last_success"), lastAttempt: date("last_attempt"),
                                    failingSince: date("failing_since"), lastError: row?["last_error"],
                                    rowsByTable: [:], cursorKindByTable: [:], lagSeconds: nil,
                                    serverTime: date("server_time"), deletionsVisible: [:], fullReadUnderWay: [])
            for state in tables {
                status.rowsByTable[state.table] = Int(state.rows)
                if let cursor = state.cursor {
                    status.cursorKindByTable[state.table] = cursor.kind
                    if case .fullRead = cursor { status.fullReadUnderWay.insert(state.table) }
                    if case .polling = cursor { status.deletionsVisible[state.table] = false } else { status.deletionsVisible[state.table] = true }
                }
            }
            let newest = tables.first(where: { $0.table == .deliveries })?.newestModified ?? tables.compactMap(\.newestModified).max()
            if let server = status.serverTime, let newest {
                status.lagSeconds = max(0, server.timeIntervalSince1970 - Double(newest))
            }
            return status
        }
    }

    /// Deletes one delivery by its delivery id (`msdyn_delivery_id`), in its own transaction; false when the store
    /// does not hold it.
    @discardableResult
    public func deleteDelivery(id: String, now: Date = Date()) throws -> Bool {
        var found = false
        try write(now: now) { writer in found = try writer.deleteDelivery(id: id) }
        return found
    }

    /// Counts every change of the sync's state, beside `generation` (which counts data changes): a dashboard that
    /// shows the sync's state reads it when this moves.
    public func syncGeneration() throws -> Int64 {
        try pool.read { db in try StoredInteger.meta(db, "sync_generation", in: StoredInteger.generation) ?? 0 }
    }

    /// The writer connection of a sync: a page cache of 64 MiB (the delivery B-tree's pages that a page of random keys
    /// touches stay in memory from one transaction to the next, instead of being read again from the file), and the
    /// WAL checkpointed every 8,192 pages (128 MiB with 16 KiB pages) instead of every 1,000: a transaction of a few
    /// pages dirties more than 1,000 pages, and each checkpoint costs two `fdatasync`s.
    /// A transaction of this many entries or more turns the call's checkpoints over to `WALCheckpointer` (with the
    /// connection's autocheckpoint off until the call returns): the writer goes on with the next transaction while
    /// the pages of the last one are copied into the file, and the first read's index on created is built while
    /// its last rows are. 1M deliveries with conversations: the writer's CPU 9.98 -> 9.2 s (medians of three pairs).
    static let backgroundCheckpointEntries = 50_000
    static let autocheckpointPages = 8192

    static func prepareSyncConnection(_ db: Database) throws {
        try db.execute(sql: "PRAGMA cache_size = -65536")
        _ = try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint = \(autocheckpointPages)")
    }

    static func bumpSyncGeneration(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO meta(key, value) VALUES ('sync_generation', 1) ON CONFLICT(key) DO UPDATE SET value = value + 1
            """)
    }

    static func organization(_ url: String) -> String {
        guard var parts = URLComponents(string: url) else { return SyncSecrets.redact(url) }
        parts.user = nil
        parts.password = nil
        parts.query = nil
        parts.fragment = nil
        return parts.string ?? SyncSecrets.redact(url)
    }
}

/// What a page means for its table's full read, from the stored cursor and the page's new one.
struct SyncPagePlan {
    /// The table's full-read number after the page.
    var epoch: Int64
    /// The mark written into the rows the page applies (nil: not marked).
    var mark: Int64?
    /// The page ends a full read: rows without the mark are deleted.
    var endsFullRead = false

    init(stored: SyncCursor?, new: SyncCursor?, table: SyncTable, epoch: Int64) {
        self.epoch = epoch
        guard table != .conversations, let new else { return }  // conversations are read by id, never in full
        switch new {
        case .fullRead(_, let startedAt):
            if case .fullRead(_, let storedStart) = stored,
               SyncTableState.milliseconds(storedStart) == SyncTableState.milliseconds(startedAt) {
                mark = epoch
            } else {
                self.epoch = epoch + 1
                mark = self.epoch
            }
        case .delta:
            switch stored {
            case .fullRead:
                mark = epoch
                endsFullRead = true
            case nil:
                self.epoch = epoch + 1
                mark = self.epoch
                endsFullRead = true
            case .delta, .polling:
                break
            }
        case .polling:
            break
        }
    }
}

extension ImportSummary {
    /// The counts of one table.
    func counts(of table: SyncTable) -> Counts {
        switch table {
        case .deliveries: deliveries
        case .configurations: configurations
        case .queues: queues
        case .conversations: conversations
        }
    }
}
