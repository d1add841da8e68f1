import Foundation
import GRDB

/// Applies records to the store inside one write transaction, keeping `slot_counts` and `recent_processed`
/// exact as deliveries are inserted, replaced by newer versions, or re-linked to a conversation.
/// Deltas are gathered in memory and written once, by `finish`.
///
/// Delivery versions are staged (`DeliveryStager`) and applied in batches sorted by key, so a large import walks
/// the B-tree in order; which version wins does not depend on the order. Relinks caused by conversations are
/// applied when the transaction finishes, so the end state does not depend on the order of tables in a file either.
public final class StoreWriter {
    struct StoredDelivery {
        var rowId: Int64; var created: Int64; var modified: Int64; var combo: Int64

        /// Read (checked) from a statement's `created, modified, combo` columns, starting at `firstColumn`.
        init(_ statement: RawStatement, rowId: Int64, firstColumn c: Int32) throws {
            self.rowId = rowId
            // Times only move a count between slots here (no arithmetic that could overflow), and rows written before
            // the accepted range was enforced may lie outside it: any integer.
            created = try StoredInteger.read(statement, c, "deliveries.created", in: Int64.min...Int64.max)
            modified = try StoredInteger.read(statement, c + 1, "deliveries.modified", in: Int64.min...Int64.max)
            combo = try StoredInteger.read(statement, c + 2, "deliveries.combo", in: StoredInteger.comboId)
        }
    }

    let db: Database
    let now: Int64
    var comboIds: [ComboKey: Int64] = [:]
    var combosById: [Int64: ComboKey] = [:]
    var nextComboId: Int64 = 1
    /// Combination id per staged combination number and direction (`base * 3 + direction`); 0 until first used.
    var comboOfBase: [Int64] = []
    var bases: [DeliveryStager.Base] = []
    var slotDeltas = SlotDeltaTable()
    /// Per minute of completion, for the live throughput (only completions of the last two days).
    var recentDeltas = SlotDeltaTable()
    var catalogChanged = false
    /// False while the store holds no conversation: deliveries then skip the direction lookup.
    var conversationsMayExist: Bool
    /// Stages the versions given to `upsert(_: Delivery)`; a file import borrows it for its reading thread (a sync
    /// for the reading of all its transactions: `Continuation`).
    let stager: DeliveryStager
    /// The stager belongs to a producer thread for now (`PipelinedWrite.run`).
    var stagerLent = false
    /// Conversations whose direction changed: their linked deliveries move when the transaction finishes.
    /// With the place in `linkChanges` where the conversation was written: links made after it took its direction.
    var relinks: [Int64: (direction: Direction, after: Int64)] = [:]
    /// The conversations this transaction wrote, by key: a second hash of their id (`StableHash.second`, where the
    /// store's lookup compares the id itself) and their direction, so the deliveries applied after them read the
    /// direction here instead of looking each one up (a sync page's conversations come just before its
    /// deliveries). A deleted one leaves.
    var writtenConversations: [Int64: (check: UInt64, direction: Direction)] = [:]
    static let writtenConversationsKept = 1_000_000
    /// The conversations that deliveries written since the store last held no link have linked to while the store
    /// did not hold them (nil: not tracked, the store held links when the call began, or too many). A conversation
    /// inserted new whose key is not here has no delivery linked to it: no relink (`relinkAfterWriting`). Kept
    /// across the transactions of a call (`Continuation`).
    var unresolvedConversations: Set<Int64>?
    static let unresolvedConversationsKept = 1_000_000
    /// The store's generation when the transaction began, and once `finish` has bumped it.
    private var generationLeft: Int64 = 0
    /// Links made and dropped by the transaction, in order; written when it finishes (`ConversationLinks`).
    var linkChanges: [ConversationLinks.Change] = []
    /// No conversation link was stored when the transaction began.
    var storeHadNoLinks: Bool
    /// (row id key, delivery key) pairs made and dropped by the transaction, in order (`delivery_row_buckets`).
    var rowIdChanges: [ConversationLinks.Change] = []
    var storeHadNoRowIds: Bool
    /// The sync's context, when this transaction applies a sync page (`DeliveryStore.applySyncPage`).
    var sync: SyncWriteContext?
    /// Conversations that synced deliveries link to and the store has not read: key -> id text.
    var wantedConversations: [Int64: [UInt8]] = [:]
    /// The newest version stamp applied while `sync` is set (for the sync's lag).
    var newestStamp: Int64?
    public internal(set) var summary = ImportSummary()

    /// A stored delivery by key (`delivery_keys`): its `delivery_id, created, modified, combo, conversation, row_id,
    /// seen`, then its row.
    let findDelivery: RawStatement
    /// The same columns (without the row) by row.
    let findRow: RawStatement
    let findKeyRow: RawStatement
    let insertKey: RawStatement
    let deleteKey: RawStatement
    let moveKey: RawStatement
    let insertDelivery: RawStatement
    let updateDelivery: RawStatement
    let findConversation: RawStatement
    let insertCombo: RawStatement
    let findConversationRow: RawStatement
    let insertConversation: RawStatement
    let updateConversation: RawStatement
    let findLinked: RawStatement
    let setCombo: RawStatement
    let markDelivery: RawStatement
    let deleteDeliveryRow: RawStatement
    let forgetWanted: RawStatement
    /// The store held wanted conversation ids when the transaction began (a conversation stored now is forgotten there).
    let wantedMayExist: Bool
    /// No slot counts were stored when the transaction began.
    var slotCountsWereEmpty: Bool
    /// Keys a delivery took past a hash collision (not its own hash): the stager's tracking does not know them.
    var probedKeys: Set<Int64> = []
    /// The number the next new delivery row takes (one past the largest when the transaction began); at Int64.max,
    /// a free number at random instead (`allocateRow`).
    var nextRow: Int64
    var preparedChunk: (insert: RawStatement, keys: RawStatement, undo: RawStatement)?
    /// Whether `finish` builds a missing index on created (unless the store's saved cursor says a full read of the
    /// deliveries is under way, `CreatedIndex`). The sync's deliveries transactions leave it to one of its own after
    /// their commit (`DeliveryStore.applySyncPages`).
    var buildsCreatedIndex = true
    /// A commit that changed more slot rows than this rewrites the aggregate snapshot (`AggregateSnapshotWriter`).
    let snapshotRewriteThreshold: Int
    /// `slot_counts` whole, when the call's transaction before this one wrote the snapshot whole and nobody has
    /// written since (checked when this transaction begins).
    private var slotTable: AggregateSnapshotWriter.WholeTable?
    /// Values a delivery row is inserted with: 8 of its own, then the list columns (`StagedDetails`).
    static let deliveryRowValues = 8 + StagedDetails.columns.count
    static var deliveryRowMarks: String { Array(repeating: "?", count: deliveryRowValues).joined(separator: ", ") }

    /// What a committed transaction hands to the next one of the same sync call (`DeliveryStore.applySyncPages`),
    /// whose reading stages into one stager across their ends: the stager and the numbers of its staged
    /// combinations. (The stager stops tracking repeated keys at each end: the next transaction probes the B-tree.)
    /// And, valid while nobody else writes in between (`generation`): `slot_counts` as this transaction left it
    /// when its snapshot was written whole (the next one merges its changes into it), and the conversations its
    /// deliveries linked to without the store holding them (`unresolvedConversations`).
    struct Continuation {
        let stager: DeliveryStager
        let bases: [DeliveryStager.Base]
        let comboOfBase: [Int64]
        let slotTable: AggregateSnapshotWriter.WholeTable?
        let unresolvedConversations: Set<Int64>?
        /// The store's generation as the transaction left it: a later one that finds another has written in between.
        let generation: Int64
    }

    /// This transaction's `Continuation`, once it has written everything.
    var continuation: Continuation {
        Continuation(stager: stager, bases: bases, comboOfBase: comboOfBase, slotTable: slotTable,
                     unresolvedConversations: unresolvedConversations, generation: generationLeft)
    }

    /// - Parameters:
    ///   - combos: the combinations known from earlier transactions; only those added since are read.
    ///   - snapshotRewriteThreshold: a commit that changed more slot rows than this rewrites the aggregate snapshot.
    ///   - continuing: the call's transaction before this one (its stager is lent to a reading thread: untouched
    ///     here).
    init(db: Database, now: Date, combos: ComboCache.Contents = ComboCache.Contents(),
         snapshotRewriteThreshold: Int = AggregateSnapshotWriter.defaultRewriteThreshold,
         continuing: Continuation? = nil) throws {
        self.db = db
        stager = continuing?.stager ?? DeliveryStager()
        if let continuing {
            bases = continuing.bases
            comboOfBase = continuing.comboOfBase
        }
        self.snapshotRewriteThreshold = snapshotRewriteThreshold
        self.now = Int64(now.timeIntervalSince1970)
        findDelivery = try RawStatement(db, """
            SELECT d.delivery_id, d.created, d.modified, d.combo, d.conversation, d.row_id, d.seen, k.row
            FROM delivery_keys k JOIN deliveries d ON d.id = k.row WHERE k.key = ?
            """)
        findRow = try RawStatement(db, "SELECT delivery_id, created, modified, combo, conversation, row_id, seen FROM deliveries WHERE id = ?")
        findKeyRow = try RawStatement(db, "SELECT row FROM delivery_keys WHERE key = ?")
        insertKey = try RawStatement(db, "INSERT INTO delivery_keys(key, row) VALUES (?, ?)")
        deleteKey = try RawStatement(db, "DELETE FROM delivery_keys WHERE key = ?")
        moveKey = try RawStatement(db, "UPDATE delivery_keys SET key = ? WHERE key = ?")
        let largestRow = try Int64.fetchOne(db, sql: "SELECT max(id) FROM deliveries")
        nextRow = largestRow.map { $0 == .max ? .max : $0 + 1 } ?? 1
        insertDelivery = try RawStatement(db, """
            INSERT INTO deliveries(id, delivery_id, created, modified, combo, conversation, row_id, seen, \(StagedDetails.columnList))
            VALUES (\(Self.deliveryRowMarks))
            """)
        updateDelivery = try RawStatement(db, """
            UPDATE deliveries SET created = ?, modified = ?, combo = ?, conversation = ?, row_id = coalesce(?, row_id),
            seen = coalesce(?, seen), \(StagedDetails.columns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?
            """)
        markDelivery = try RawStatement(db, "UPDATE deliveries SET seen = ? WHERE id = ?")
        deleteDeliveryRow = try RawStatement(db, "DELETE FROM deliveries WHERE id = ?")
        forgetWanted = try RawStatement(db, "DELETE FROM sync_wanted_conversations WHERE id = ?")
        wantedMayExist = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM sync_wanted_conversations)") ?? true
        findConversation = try RawStatement(db, "SELECT conversation_id, is_outbound FROM conversations WHERE id = ?")
        insertCombo = try RawStatement(db, """
            INSERT INTO combos(id, channel, queue_id, config_id, status, result, dial_mode, engagement_type, direction)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        findConversationRow = try RawStatement(db, "SELECT conversation_id, is_outbound, queue_id FROM conversations WHERE id = ?")
        insertConversation = try RawStatement(db, "INSERT INTO conversations(id, conversation_id, is_outbound, queue_id) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING")
        updateConversation = try RawStatement(db, "UPDATE conversations SET conversation_id = ?, is_outbound = ?, queue_id = ? WHERE id = ?")
        findLinked = try RawStatement(db, "SELECT created, modified, combo FROM deliveries WHERE id = ? AND conversation = ?")
        setCombo = try RawStatement(db, "UPDATE deliveries SET combo = ? WHERE id = ?")
        let empty = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS(SELECT 1 FROM deliveries)") ?? false
        if empty {
            if continuing == nil { stager.trackRepeatedKeys() }
            try db.execute(sql: "DELETE FROM delivery_keys")  // none is left without its row but in a damaged store
            // Into a store without deliveries, the index on created is built once at the end (a sort) rather than
            // entry by entry in the batches' key order, which is random in created order: at the end of this
            // transaction, or of the first full read it begins (`CreatedIndex`).
            try CreatedIndex.drop(db)
        }
        slotCountsWereEmpty = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS(SELECT 1 FROM slot_counts)") ?? false
        conversationsMayExist = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM conversations)") ?? true
        storeHadNoLinks = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS(SELECT 1 FROM conversation_link_buckets)") ?? false
        // What the call's transaction before knew of the store holds only if nobody has written since (their
        // deliveries may link to anything, their slot rows change the table). Unresolved conversations are tracked
        // from a store without links: no stored delivery links to anything.
        generationLeft = try StoredInteger.generation(db)
        if let continuing {
            let untouched = continuing.generation == generationLeft
            slotTable = untouched ? continuing.slotTable : nil
            unresolvedConversations = untouched ? continuing.unresolvedConversations : nil
        } else {
            unresolvedConversations = storeHadNoLinks ? [] : nil
        }
        storeHadNoRowIds = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS(SELECT 1 FROM delivery_row_buckets)") ?? false
        comboIds = combos.ids
        combosById = combos.byId
        nextComboId = combos.next
        let rows = try RawStatement(db, """
            SELECT id, channel, queue_id, config_id, status, result, dial_mode, engagement_type, direction FROM combos
            WHERE id >= ?
            """)
        rows.bind(1, combos.next)
        while try rows.step() {
            func text(_ column: Int32) -> String { rows.string(column) ?? "" }
            let direction = try StoredInteger.read(rows, 8, "combos.direction", in: 0...2)
            let key = ComboKey(channel: text(1), queueId: text(2), configId: text(3), status: text(4), result: text(5),
                               dialMode: text(6), engagementType: text(7),
                               direction: Direction(rawValue: Int(direction)) ?? .none)
            let id = try StoredInteger.read(rows, 0, "combos.id", in: StoredInteger.comboId)
            comboIds[key] = id
            combosById[id] = key
            nextComboId = max(nextComboId, id + 1)
        }
    }

    /// The combinations as this transaction leaves them (for the store's `ComboCache`, once committed).
    var comboContents: ComboCache.Contents {
        ComboCache.Contents(ids: comboIds, byId: combosById, next: nextComboId)
    }

    // MARK: Commit

    /// Writes the gathered counts and bumps the store's generation, so that readers see one consistent change.
    func finish() throws {
        try flushStaged()
        ImportTrace.mark("last batch applied")
        if buildsCreatedIndex, try CreatedIndex.settle(db, fullReadUnderWay: CreatedIndex.fullReadUnderWay(db)) {
            ImportTrace.mark("index on created built")
        }
        // The links and the counts are final: both are sorted on other threads while this one writes.
        let links = BackgroundValue(inBackground: linkChanges.count > 50_000) { [linkChanges] in
            ConversationLinks.sorted(linkChanges)
        }
        linkChanges.removeAll()
        var linksWritten = false
        let slotEntries: [(slot: Int64, combo: Int64, delta: Int64)]
        if relinks.isEmpty {
            slotEntries = slotDeltas.sortedEntries()
        } else {
            // A relink follows the links, and changes the counts.
            try writeLinks(links.value)
            linksWritten = true
            ImportTrace.mark("links written")
            try relinkAll(changes: links.value)
            ImportTrace.mark("relinked")
            slotEntries = slotDeltas.sortedEntries()
        }
        // The table of count changes goes as soon as its sorted entries exist (up to 32 MB in a large transaction).
        let changedSlotRows = slotDeltas.count
        slotDeltas = SlotDeltaTable()
        ImportTrace.mark("\(slotEntries.count) slot entries sorted")
        try writeRowIds()
        ImportTrace.mark("row ids written")
        try writeWantedConversations()
        ImportTrace.mark("wanted conversations written")
        let changed = summary.deliveries.inserted + summary.deliveries.updated + summary.deliveries.deleted
            + summary.relinkedDeliveries > 0
        guard changed || catalogChanged else {
            if !linksWritten { try writeLinks(links.value) }
            return
        }
        let generation = try StoredInteger.generation(db) + 1  // at most Int64.max / 2 + 1: no overflow
        generationLeft = generation
        // Into a store without slot counts the rows are new: no conflict to resolve.
        let upsertSlot = try IntRowsInsert(db, head: "INSERT INTO slot_counts(slot, combo, n, generation) VALUES", width: 4,
                                           tail: slotCountsWereEmpty ? "" : """
            ON CONFLICT(slot, combo) DO UPDATE SET n = n + excluded.n, generation = excluded.generation
            """)
        // In key order: the B-tree is walked once, front to back, instead of at random. When this transaction writes
        // the snapshot whole, the rows it writes carry generation 0 (as a bulk import's do, see the v4 migration): the
        // snapshot holds them, and a reader older than it starts again from it, so they need no place in the
        // generation index (at a million deliveries about 340,000 entries a transaction of a first sync).
        let snapshotWhole = try slotCountsWereEmpty || changedSlotRows > snapshotRewriteThreshold
            || AggregateSnapshotWriter.isMissing(db)
        let rowGeneration = snapshotWhole ? 0 : generation
        for entry in slotEntries {
            try upsertSlot.append(entry.slot, entry.combo, entry.delta, rowGeneration)
        }
        try upsertSlot.flush()
        ImportTrace.mark("slot counts written")
        if !linksWritten { try writeLinks(links.value) }
        ImportTrace.mark("links written")
        let upsertRecent = try IntRowsInsert(db, head: "INSERT INTO recent_processed(minute, combo, n) VALUES", width: 3, tail: """
            ON CONFLICT(minute, combo) DO UPDATE SET n = n + excluded.n
            """)
        for entry in recentDeltas.sortedEntries() {
            try upsertRecent.append(entry.slot, entry.combo, entry.delta)
        }
        try upsertRecent.flush()
        try db.execute(sql: "DELETE FROM recent_processed WHERE minute < ?",
                       arguments: [TimeSlots.minute(of: now - TimeSlots.recentWindowSeconds)])
        try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'generation'", arguments: [generation])
        try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'changed_at'", arguments: [now])
        if catalogChanged {
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'catalog_generation'", arguments: [generation])
        }
        if slotCountsWereEmpty {
            slotTable = try AggregateSnapshotWriter.replace(db, generation: generation, wholeTable: slotEntries)
        } else if snapshotWhole {
            if let kept = slotTable, let merged = try AggregateSnapshotWriter.merge(db, generation: generation, into: kept, slotEntries) {
                slotTable = merged
            } else {
                slotTable = try AggregateSnapshotWriter.rebuild(db, generation: generation)
            }
        } else {
            // Small: readers apply this transaction's rows on top of the snapshot, which stays as it was.
            slotTable = nil
        }
        ImportTrace.mark("snapshot written")
        slotCountsWereEmpty = false
        recentDeltas = SlotDeltaTable()
    }
}
