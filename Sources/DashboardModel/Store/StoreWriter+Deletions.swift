import GRDB

/// Deletion: a delivery, configuration, queue or conversation leaves the store, and every count follows it in the
/// same transaction (slot counts with the transaction's generation, completions per minute, conversation links,
/// the aggregate snapshot when many rows changed), exactly as if the row had never been imported.
///
/// Deleting a row the store does not hold changes nothing and is counted in `ImportSummary.unknownDeletions`.
/// A deletion comes after the versions staged before it (they are applied first), so "upsert, then delete" and
/// "delete, then upsert" in one transaction both end as they should.
extension StoreWriter {
    /// Applies a `$deletedEntity` entry: from the table its context names; without a context, from the table of the
    /// sync page being applied, or (an import file) from whichever table holds a row with that primary key (a
    /// Dataverse primary key is a GUID, unique in the organization). An entity set this program does not read is
    /// counted as unknown.
    func delete(_ deletion: DeletedRecord) throws {
        if deletion.entitySet != nil, deletion.table == nil {
            summary.unknownDeletions += 1
            return
        }
        let tables: [SyncTable] = deletion.table.map { [$0] } ?? sync.map { [$0.table] } ?? SyncTable.allCases
        for table in tables where try delete(primaryKey: deletion.id, from: table) { return }
        summary.unknownDeletions += 1
    }

    /// Deletes the row with this primary key (deliveries: the row id); false when there is none.
    private func delete(primaryKey id: String, from table: SyncTable) throws -> Bool {
        switch table {
        case .deliveries: try deleteDelivery(rowId: id, countingUnknown: false)
        case .configurations: try deleteConfiguration(id: id, countingUnknown: false)
        case .queues: try deleteQueue(id: id, countingUnknown: false)
        case .conversations: try deleteConversation(id: id, countingUnknown: false)
        }
    }

    /// Deletes the delivery whose row id (`msdyn_proactive_deliveryid`) this is: found through the row id pairs, or,
    /// for a delivery stored without a separate row id, as the delivery whose id it is.
    @discardableResult
    public func deleteDelivery(rowId: String, countingUnknown: Bool = true) throws -> Bool {
        let id = GUIDText.normalize(rowId)
        try flushStaged()
        try writeRowIds()
        let packed = Self.packed(id)
        for pair in try ConversationLinks.deliveries(ofEach: [StableHash.of(id)], db, table: RowIdText.bucketTable) {
            findDelivery.bind(1, pair.delivery)
            let found = try findDelivery.step() && Self.holds(findDelivery, 5, id, packed)
            findDelivery.reset()
            if found {
                try removeDelivery(key: pair.delivery)
                return true
            }
        }
        if let key = try deliveryKey(id: id, packed: packed, withoutRowId: true) {
            try removeDelivery(key: key)
            return true
        }
        if countingUnknown { summary.unknownDeletions += 1 }
        return false
    }

    /// Deletes the delivery with this delivery id (`msdyn_delivery_id`).
    @discardableResult
    public func deleteDelivery(id deliveryId: String, countingUnknown: Bool = true) throws -> Bool {
        let id = GUIDText.normalize(deliveryId)
        try flushStaged()
        if let key = try deliveryKey(id: id, packed: Self.packed(id), withoutRowId: false) {
            try removeDelivery(key: key)
            return true
        }
        if countingUnknown { summary.unknownDeletions += 1 }
        return false
    }

    @discardableResult
    public func deleteConfiguration(id: String, countingUnknown: Bool = true) throws -> Bool {
        try db.execute(sql: "DELETE FROM configurations WHERE id = ?", arguments: [GUIDText.normalize(id)])
        return catalogDeleted(db.changesCount > 0, \.configurations, countingUnknown)
    }

    @discardableResult
    public func deleteQueue(id: String, countingUnknown: Bool = true) throws -> Bool {
        try db.execute(sql: "DELETE FROM queues WHERE id = ?", arguments: [GUIDText.normalize(id)])
        return catalogDeleted(db.changesCount > 0, \.queues, countingUnknown)
    }

    /// Deletes a conversation: its deliveries lose its direction when the transaction finishes.
    @discardableResult
    public func deleteConversation(id conversationId: String, countingUnknown: Bool = true) throws -> Bool {
        let id = GUIDText.normalize(conversationId)
        let key = StableHash.of(id)
        findConversationRow.bind(1, key)
        let stored = try findConversationRow.step() ? findConversationRow.string(0) : nil
        findConversationRow.reset()
        guard stored == id else {
            if countingUnknown { summary.unknownDeletions += 1 }
            return false
        }
        try db.execute(sql: "DELETE FROM conversations WHERE id = ?", arguments: [key])
        relinks[key] = (Direction.none, Int64(linkChanges.count))
        writtenConversations[key] = nil
        summary.conversations.deleted += 1
        return true
    }

    /// Deletes the rows of `table` that the full read numbered `mark` did not see (`seen` older or NULL): the
    /// end of a full read. Returns how many.
    func deleteUnseen(_ table: SyncTable, mark: Int64) throws -> Int {
        switch table {
        case .deliveries:
            try flushStaged()
            var deleted = 0
            // A deletion may move a later delivery of a probed run onto a key of the list: then ask again.
            var moves: Int
            repeat {
                moves = probeMoves
                let keys = try Int64.fetchAll(db, sql: "SELECT id FROM deliveries WHERE seen IS NULL OR seen <> ?", arguments: [mark])
                for key in keys where try removeDelivery(key: key) { deleted += 1 }
            } while probeMoves != moves
            return deleted
        case .configurations:
            let ids = try String.fetchAll(db, sql: "SELECT id FROM configurations WHERE seen IS NULL OR seen <> ?", arguments: [mark])
            for id in ids { try deleteConfiguration(id: id) }
            return ids.count
        case .queues:
            let ids = try String.fetchAll(db, sql: "SELECT id FROM queues WHERE seen IS NULL OR seen <> ?", arguments: [mark])
            for id in ids { try deleteQueue(id: id) }
            return ids.count
        case .conversations:
            return 0  // conversations are read by id, never in full: a full read of them does not decide deletions
        }
    }

    // MARK: Helpers

    private func catalogDeleted(_ deleted: Bool, _ counts: WritableKeyPath<ImportSummary, ImportSummary.Counts>,
                                _ countingUnknown: Bool) -> Bool {
        if deleted {
            summary[keyPath: counts].deleted += 1
            catalogChanged = true
        } else if countingUnknown {
            summary.unknownDeletions += 1
        }
        return deleted
    }

    /// Removes a stored delivery and takes it out of every count, link and row id pair; false when the key is free.
    @discardableResult
    func removeDelivery(key: Int64) throws -> Bool {
        findDelivery.bind(1, key)
        guard try findDelivery.step() else {
            findDelivery.reset()
            return false
        }
        let stored = try StoredDelivery(findDelivery, rowId: key, firstColumn: 1)  // checked: a damaged row throws
        let created = stored.created, modified = stored.modified, combo = stored.combo
        let conversation: Int64? = findDelivery.isNull(4) ? nil : findDelivery.int64(4)
        let rowId = RowIdText.of(findDelivery, 5)
        findDelivery.reset()
        deleteDeliveryRow.bind(1, key)
        try deleteDeliveryRow.run()
        count(created: created, modified: modified, combo: combo, by: -1)
        if let conversation { link(conversation, key, made: false) }
        if let rowId { rowIdLink(StableHash.of(rowId), key, made: false) }
        summary.deliveries.deleted += 1
        try closeProbeGap(at: key)
        return true
    }

    /// Keys are probed linearly past a collision (`applyTaken`): a delivery may sit after its own hash, with every key
    /// between taken. A deletion must not leave a hole in such a run, or that delivery could no longer be found by its
    /// id. So the deliveries after the hole that may fill it (their hash at or before it, cyclically) move into it, one
    /// after another, until an empty key ends the run (Knuth's algorithm R). With 64-bit hashes a run is almost
    /// always one delivery long: this costs one key lookup per deletion.
    private func closeProbeGap(at start: Int64) throws {
        var hole = UInt64(bitPattern: start)
        var next = hole &+ 1
        while true {
            let key = Int64(bitPattern: next)
            findDelivery.bind(1, key)
            guard try findDelivery.step() else {
                findDelivery.reset()
                return
            }
            let id = RowIdText.of(findDelivery, 0) ?? ""
            let conversation: Int64? = findDelivery.isNull(4) ? nil : findDelivery.int64(4)
            let rowId = RowIdText.of(findDelivery, 5)
            findDelivery.reset()
            let home = UInt64(bitPattern: StableHash.of(id))
            if next &- home >= next &- hole {
                let target = Int64(bitPattern: hole)
                try db.execute(sql: "UPDATE deliveries SET id = ? WHERE id = ?", arguments: [target, key])
                if let conversation {
                    link(conversation, key, made: false)
                    link(conversation, target, made: true)
                }
                if let rowId {
                    rowIdLink(StableHash.of(rowId), key, made: false)
                    rowIdLink(StableHash.of(rowId), target, made: true)
                }
                if hole != home { probedKeys.insert(target) }
                probeMoves += 1
                hole = next
            }
            next &+= 1
        }
    }

    /// The key of the stored delivery with this (normalised) id, following keys taken past a hash collision.
    /// - Parameter withoutRowId: only a delivery stored without a separate row id (its row id is its id).
    private func deliveryKey(id: String, packed: [UInt8]?, withoutRowId: Bool) throws -> Int64? {
        var key = StableHash.of(id)
        while true {
            findDelivery.bind(1, key)
            defer { findDelivery.reset() }
            guard try findDelivery.step() else { return nil }
            if Self.holds(findDelivery, 0, id, packed) { return withoutRowId && !findDelivery.isNull(5) ? nil : key }
            key &+= 1
        }
    }

    /// The 16 bytes of a canonical GUID, nil for an id kept as text.
    static func packed(_ id: String) -> [UInt8]? {
        var copy = id
        guard let guid = copy.withUTF8({ GUIDBytes.pack($0) }) else { return nil }
        var bytes: [UInt8] = []
        GUIDBytes.append(guid, to: &bytes)
        return bytes
    }

    /// True when the column holds the id (as 16 packed bytes, or as text).
    static func holds(_ statement: RawStatement, _ column: Int32, _ id: String, _ packed: [UInt8]?) -> Bool {
        if let packed, packed.withUnsafeBufferPointer({ statement.blob(column, equals: $0) }) { return true }
        var copy = id
        return copy.withUTF8 { statement.text(column, equals: $0) }
    }
}
