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
        let packed = StoredIdText.packed(id)
        for pair in try ConversationLinks.deliveries(ofEach: [StableHash.of(id)], db, table: RowIdText.bucketTable) {
            findRow.bind(1, pair.delivery)
            let found = try findRow.step() && StoredIdText.holds(findRow, 5, id, packed: packed)
            findRow.reset()
            if found {
                try removeDelivery(row: pair.delivery)
                return true
            }
        }
        if let row = try deliveryRow(id: id, packed: packed, withoutRowId: true) {
            try removeDelivery(row: row)
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
        if let row = try deliveryRow(id: id, packed: StoredIdText.packed(id), withoutRowId: false) {
            try removeDelivery(row: row)
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
        let stored = try findConversationRow.step() ? RowIdText.of(findConversationRow, 0) : nil
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
            let rows = try Int64.fetchAll(db, sql: "SELECT id FROM deliveries WHERE seen IS NULL OR seen <> ?", arguments: [mark])
            for row in rows where try removeDelivery(row: row) { deleted += 1 }
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

    /// Removes a stored delivery and takes it out of every count, link and row id pair, and its key out of
    /// `delivery_keys`; false when no delivery has that row.
    @discardableResult
    func removeDelivery(row: Int64) throws -> Bool {
        findRow.bind(1, row)
        guard try findRow.step() else {
            findRow.reset()
            return false
        }
        let stored = try StoredDelivery(findRow, rowId: row, firstColumn: 1)  // checked: a damaged row throws
        let created = stored.created, modified = stored.modified, combo = stored.combo
        let conversation: Int64? = findRow.isNull(4) ? nil : findRow.int64(4)
        let rowId = RowIdText.of(findRow, 5)
        let id = RowIdText.of(findRow, 0) ?? ""
        findRow.reset()
        deleteDeliveryRow.bind(1, row)
        try deleteDeliveryRow.run()
        count(created: created, modified: modified, combo: combo, by: -1)
        if let conversation { link(conversation, row, made: false) }
        if let rowId { rowIdLink(StableHash.of(rowId), row, made: false) }
        summary.deliveries.deleted += 1
        // Its key: its hash, or a later one of the run probed past a collision; in a store changed by hand, wherever
        // it is (a scan of the keys).
        var key = StableHash.of(id)
        while true {
            findKeyRow.bind(1, key)
            defer { findKeyRow.reset() }
            guard try findKeyRow.step() else {
                guard let found = try Int64.fetchOne(db, sql: "SELECT key FROM delivery_keys WHERE row = ? LIMIT 1",
                                                     arguments: [row]) else { return true }
                key = found
                break
            }
            if findKeyRow.int64(0) == row { break }
            key &+= 1
        }
        deleteKey.bind(1, key)
        try deleteKey.run()
        try closeProbeGap(at: key)
        return true
    }

    /// Keys are probed linearly past a collision (`applyTaken`): a delivery's key may sit after its own hash, with
    /// every key between taken. A deletion must not leave a hole in such a run, or that delivery could no longer be
    /// found by its id. So the keys after the hole that may fill it (their hash at or before it, cyclically) move
    /// into it, one after another, until a free key ends the run (Knuth's algorithm R); their rows stay where they
    /// are. With 64-bit hashes a run is almost always one key long: this costs one key lookup per deletion.
    private func closeProbeGap(at start: Int64) throws {
        var hole = UInt64(bitPattern: start)
        var next = hole &+ 1
        while true {
            let key = Int64(bitPattern: next)
            findKeyRow.bind(1, key)
            guard try findKeyRow.step() else {
                findKeyRow.reset()
                return
            }
            let row = findKeyRow.int64(0)
            findKeyRow.reset()
            findRow.bind(1, row)
            let id = try findRow.step() ? RowIdText.of(findRow, 0) ?? "" : ""
            findRow.reset()
            let home = UInt64(bitPattern: StableHash.of(id))
            if next &- home >= next &- hole {
                let target = Int64(bitPattern: hole)
                moveKey.bind(1, target)
                moveKey.bind(2, key)
                try moveKey.run()
                if hole != home { probedKeys.insert(target) }
                hole = next
            }
            next &+= 1
        }
    }

    /// The row of the stored delivery with this (normalised) id, following keys taken past a hash collision.
    /// - Parameter withoutRowId: only a delivery stored without a separate row id (its row id is its id).
    private func deliveryRow(id: String, packed: [UInt8]?, withoutRowId: Bool) throws -> Int64? {
        var key = StableHash.of(id)
        while true {
            findDelivery.bind(1, key)
            defer { findDelivery.reset() }
            guard try findDelivery.step() else { return nil }
            if StoredIdText.holds(findDelivery, 0, id, packed: packed) {
                return withoutRowId && !findDelivery.isNull(5) ? nil : findDelivery.int64(7)
            }
            key &+= 1
        }
    }
}
