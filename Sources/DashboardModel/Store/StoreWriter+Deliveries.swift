import Foundation

extension StoreWriter {
    /// Stages a delivery version; staged versions are applied in batches sorted by key (and at `finish`).
    public func upsert(_ delivery: Delivery) throws {
        if stager.stage(delivery) { try flushStaged() }
    }

    /// Applies what `upsert(_: Delivery)` staged so far.
    func flushStaged() throws {
        // While a producer thread stages into the stager (`PipelinedWrite`), it is not this thread's to take from:
        // the producer hands its batches over in order.
        guard !stagerLent else { return }
        let batch = stager.take()
        if !batch.isEmpty { try apply(batch) }
    }

    static let chunkRows = 64

    /// A sync's batch spans pages up to this many versions (about 400 bytes each while staged and sorted): a page of
    /// 5,000 sorted alone touches a B-tree leaf for nearly every row once the table outgrows the page cache. 49,152
    /// rather than 65,536: three batches are alive at once (staged, waiting, applied), and the memory they give back
    /// lets a first read commit every 375,000 entries under 300 MB (`SyncEngine.commitPolicy`).
    static let syncBatchLimit = 49_152

    /// Applies a batch of staged versions in key order (equal keys in staging order). New deliveries go in
    /// `chunkRows` at a time, one statement each; those whose key is taken (a stored version, a repeat, a hash
    /// collision) go through `applyTaken` one by one.
    func apply(_ batch: StagedBatch) throws {
        precondition(Int(batch.firstNewBase) == bases.count || batch.newBases.isEmpty, "batches applied out of order")
        bases.append(contentsOf: batch.newBases)
        comboOfBase.append(contentsOf: repeatElement(0, count: 3 * batch.newBases.count))
        summary.unseenValues.formUnion(batch.unseenValues)
        if sync != nil, let newest = batch.stagedTimes.lazy.map(\.stamp).max() {
            newestStamp = max(newestStamp ?? newest, newest)
        }
        try batch.text.withUnsafeBufferPointer { textBuffer in
            let text = StagedText(base: textBuffer.baseAddress ?? UnsafePointer(bitPattern: 1)!)
            try batch.deliveries.withUnsafeBufferPointer { staged in
                // Combination of each version the chunks inserted, by staging position: counted afterwards in
                // staging order, where neighbours mostly share their slot (in key order every count would miss the
                // cache).
                var insertedCombo = [Int64](repeating: 0, count: staged.count)
                var chunk: [(delivery: StagedDelivery, combo: Int64)] = []
                var positions: [Int32] = []
                chunk.reserveCapacity(Self.chunkRows)
                positions.reserveCapacity(Self.chunkRows)
                for (delivery, position) in zip(staged, batch.stagingPositions) {
                    chunk.append((delivery, try comboId(of: delivery, text)))
                    positions.append(position)
                    if chunk.count == Self.chunkRows {
                        if try insertChunk(chunk, tracked: batch.repeatsTracked, text) {
                            for (i, item) in chunk.enumerated() { insertedCombo[Int(positions[i])] = item.combo }
                        }
                        chunk.removeAll(keepingCapacity: true)
                        positions.removeAll(keepingCapacity: true)
                    }
                }
                for (delivery, combo) in chunk { try applyTaken(delivery, combo: combo, text) }
                for (position, combo) in insertedCombo.enumerated() where combo != 0 {
                    let times = batch.stagedTimes[position]
                    count(created: times.created, modified: times.stamp, combo: combo, by: 1)
                }
            }
        }
    }

    /// Inserts a chunk of versions in one statement when none of their keys is taken, and returns true: the caller
    /// then counts them. Otherwise applies them one by one (`applyTaken`, counted there) and returns false.
    private func insertChunk(_ chunk: [(delivery: StagedDelivery, combo: Int64)], tracked: Bool,
                             _ text: StagedText) throws -> Bool {
        let statements = try chunkStatements()
        guard nextRow <= Int64.max - Int64(chunk.count), keysMayBeFree(chunk, tracked: tracked) else {
            for (delivery, combo) in chunk { try applyTaken(delivery, combo: combo, text) }
            return false
        }
        let insert = statements.insert, keys = statements.keys
        let firstRow = nextRow
        // The keys first: a key already stored is left as it is (`DO NOTHING`), and then the keys this statement
        // added are taken back and the chunk goes one by one. (Instead of a probe of every key before: in a first
        // read they are all free.)
        for (row, item) in chunk.enumerated() {
            keys.bind(Int32(2 * row + 1), item.delivery.key)
            keys.bind(Int32(2 * row + 2), firstRow + Int64(row))
        }
        try keys.run()
        if keys.changes != chunk.count {
            let undo = statements.undo
            for (row, item) in chunk.enumerated() { undo.bind(Int32(row + 1), item.delivery.key) }
            undo.bind(Int32(chunk.count + 1), firstRow)
            undo.bind(Int32(chunk.count + 2), firstRow + Int64(chunk.count - 1))
            try undo.run()
            for (delivery, combo) in chunk { try applyTaken(delivery, combo: combo, text) }
            return false
        }
        nextRow += Int64(chunk.count)
        for (row, item) in chunk.enumerated() {
            bindRow(insert, Int32(row * Self.deliveryRowValues) + 1, item.delivery, row: firstRow + Int64(row),
                    combo: item.combo, text)
        }
        try insert.run()
        guard insert.changes == chunk.count else {
            throw StoreError("inserted \(insert.changes) of \(chunk.count) deliveries whose keys were free")
        }
        for (row, item) in chunk.enumerated() {
            inserted(item.delivery, key: item.delivery.key, row: firstRow + Int64(row), combo: item.combo, counted: false, text)
        }
        return true
    }

    /// False when a key of the chunk (sorted) is repeated in it, or known taken: in a transaction into a store that
    /// held no delivery, staged before or taken past a collision. (Keys stored before are found by the insert.)
    private func keysMayBeFree(_ chunk: [(delivery: StagedDelivery, combo: Int64)], tracked: Bool) -> Bool {
        var previous: Int64?
        for item in chunk {
            let key = item.delivery.key
            if key == previous { return false }
            if tracked {
                if item.delivery.keySeenBefore { return false }
                if !probedKeys.isEmpty, probedKeys.contains(key) { return false }
            }
            previous = key
        }
        return true
    }

    /// The statements for `chunkRows` deliveries at once, prepared once per writer: rows at new numbers (appended),
    /// and their keys.
    private func chunkStatements() throws -> (insert: RawStatement, keys: RawStatement, undo: RawStatement) {
        if let preparedChunk { return preparedChunk }
        let marks = Array(repeating: "?", count: Self.chunkRows).joined(separator: ", ")
        let undo = try RawStatement(db, """
            DELETE FROM delivery_keys WHERE key IN (\(marks)) AND row BETWEEN ?\(Self.chunkRows + 1) AND ?\(Self.chunkRows + 2)
            """)
        let rows = Array(repeating: "(\(Self.deliveryRowMarks))", count: Self.chunkRows).joined(separator: ", ")
        let insert = try RawStatement(db, """
            INSERT INTO deliveries(id, delivery_id, created, modified, combo, conversation, row_id, seen,
                \(StagedDetails.columnList)) VALUES \(rows)
            """)
        let pairs = Array(repeating: "(?, ?)", count: Self.chunkRows).joined(separator: ", ")
        let keys = try RawStatement(db, "INSERT INTO delivery_keys(key, row) VALUES \(pairs) ON CONFLICT(key) DO NOTHING")
        preparedChunk = (insert, keys, undo)
        return (insert, keys, undo)
    }

    /// A number for a new delivery row: the next one, or once numbers reach Int64.max (a store whose rows kept the
    /// keys of before `delivery_keys` may start near it), a free one at random, as SQLite chooses a rowid then.
    func allocateRow() throws -> Int64 {
        if nextRow < .max {
            defer { nextRow += 1 }
            return nextRow
        }
        while true {
            let row = Int64.random(in: 1 ..< .max)
            findRow.bind(1, row)
            defer { findRow.reset() }
            if try !findRow.step() { return row }
        }
    }

    /// The combination of a staged version, given its conversation's direction as stored now (created when new:
    /// a combination may end up with no deliveries, as it does when its last delivery moves on).
    private func comboId(of delivery: StagedDelivery, _ text: StagedText) throws -> Int64 {
        let direction = try self.direction(of: delivery, text)
        let slot = Int(delivery.base) * 3 + direction.rawValue
        if comboOfBase[slot] != 0 { return comboOfBase[slot] }
        let id = try comboId(bases[Int(delivery.base)].comboKey(direction))
        comboOfBase[slot] = id
        return id
    }

    /// Applies one version: inserted when its key is free; otherwise compared with the stored version (replacing
    /// it when newer), or moved past a hash collision to the next free key.
    private func applyTaken(_ delivery: StagedDelivery, combo: Int64, _ text: StagedText) throws {
        let id = text.deliveryId(delivery)
        var key = delivery.key
        while true {
            findDelivery.bind(1, key)
            defer { findDelivery.reset() }
            guard try findDelivery.step() else {
                findDelivery.reset()
                try insertNew(delivery, key: key, combo: combo, text)
                return
            }
            // A GUID id is stored as 16 bytes; a store written before that keeps its ids as text.
            let sameId = text.packedId(delivery).map { findDelivery.blob(0, equals: $0) } == true
                || findDelivery.text(0, equals: id)
            guard sameId else {
                key &+= 1  // a different id under the same key: the next free value
                continue
            }
            let row = findDelivery.int64(7)
            let existing = try StoredDelivery(findDelivery, rowId: row, firstColumn: 1)
            let oldConversation: Int64? = findDelivery.isNull(4) ? nil : findDelivery.int64(4)
            if delivery.stamp <= existing.modified {
                summary.deliveries.skipped += 1
                if let mark = deliveryMark, findDelivery.isNull(6) || findDelivery.int64(6) != mark {
                    markDelivery.bind(1, mark)
                    markDelivery.bind(2, row)
                    try markDelivery.run()
                }
                return
            }
            // The row id, when this version brings one the row does not hold yet: a new pair (the old one dropped).
            if delivery.hasRowId, !sameRowId(findDelivery, 5, delivery, text) {
                if let old = RowIdText.of(findDelivery, 5) { rowIdLink(StableHash.of(old), row, made: false) }
                rowIdLink(rowIdKey(delivery, text), row, made: true)
            }
            updateDelivery.bind(1, delivery.created)
            updateDelivery.bind(2, delivery.stamp)
            updateDelivery.bind(3, combo)
            if delivery.hasConversation { updateDelivery.bind(4, delivery.conversationKey) } else { updateDelivery.bindNull(4) }
            if delivery.hasRowId { bindRowId(updateDelivery, 5, delivery, text) } else { updateDelivery.bindNull(5) }
            if let mark = deliveryMark { updateDelivery.bind(6, mark) } else { updateDelivery.bindNull(6) }
            StagedDetails.bind(updateDelivery, 7, block: text.details(delivery), conversation: text.conversationId(delivery))
            updateDelivery.bind(Int32(7 + StagedDetails.columns.count), row)
            try updateDelivery.run()
            let conversation: Int64? = delivery.hasConversation ? delivery.conversationKey : nil
            if oldConversation != conversation {
                if let oldConversation { link(oldConversation, row, made: false) }
                if let conversation { link(conversation, row, made: true) }
            }
            count(created: existing.created, modified: existing.modified, combo: existing.combo, by: -1)
            count(created: delivery.created, modified: delivery.stamp, combo: combo, by: 1)
            summary.deliveries.updated += 1
            return
        }
    }

    /// Inserts a version under a free key, at a new row.
    private func insertNew(_ delivery: StagedDelivery, key: Int64, combo: Int64, _ text: StagedText) throws {
        let row = try allocateRow()
        bindRow(insertDelivery, 1, delivery, row: row, combo: combo, text)
        try insertDelivery.run()
        insertKey.bind(1, key)
        insertKey.bind(2, row)
        try insertKey.run()
        inserted(delivery, key: key, row: row, combo: combo, text)
    }

    /// Binds a new row's `deliveryRowValues` values, the first at `first`: its number, the version's own columns, the
    /// full read's mark, then the list columns.
    private func bindRow(_ statement: RawStatement, _ first: Int32, _ delivery: StagedDelivery, row: Int64, combo: Int64,
                         _ text: StagedText) {
        statement.bind(first, row)
        bindId(statement, first + 1, delivery, text)
        statement.bind(first + 2, delivery.created)
        statement.bind(first + 3, delivery.stamp)
        statement.bind(first + 4, combo)
        if delivery.hasConversation { statement.bind(first + 5, delivery.conversationKey) } else { statement.bindNull(first + 5) }
        bindRowId(statement, first + 6, delivery, text)
        if let mark = deliveryMark { statement.bind(first + 7, mark) } else { statement.bindNull(first + 7) }
        StagedDetails.bind(statement, first + 8, block: text.details(delivery), conversation: text.conversationId(delivery))
    }

    /// Binds the delivery id: 16 bytes for a GUID, else its text.
    private func bindId(_ statement: RawStatement, _ index: Int32, _ delivery: StagedDelivery, _ text: StagedText) {
        if let packed = text.packedId(delivery) {
            statement.bindStaticBlob(index, packed)
        } else {
            statement.bindStatic(index, text.deliveryId(delivery))
        }
    }

    /// Binds the row id: 16 bytes for a GUID, else its text; NULL when the version has none of its own.
    private func bindRowId(_ statement: RawStatement, _ index: Int32, _ delivery: StagedDelivery, _ text: StagedText) {
        if !delivery.hasRowId {
            statement.bindNull(index)
        } else if let packed = text.packedRowId(delivery) {
            statement.bindStaticBlob(index, packed)
        } else {
            statement.bindStatic(index, text.rowId(delivery))
        }
    }

    /// True when column `column` of the statement's row holds the version's row id.
    private func sameRowId(_ statement: RawStatement, _ column: Int32, _ delivery: StagedDelivery, _ text: StagedText) -> Bool {
        if let packed = text.packedRowId(delivery) { return statement.blob(column, equals: packed) }
        return statement.text(column, equals: text.rowId(delivery))
    }

    private func rowIdKey(_ delivery: StagedDelivery, _ text: StagedText) -> Int64 {
        let rowId = text.rowId(delivery)
        return StableHash.of(rowId.baseAddress, rowId.count)
    }

    /// The mark of a full read under way for deliveries (`SyncWriteContext`), written into `deliveries.seen`.
    var deliveryMark: Int64? { sync?.mark(for: .deliveries) }

    private func inserted(_ delivery: StagedDelivery, key: Int64, row: Int64, combo: Int64, counted: Bool = true,
                          _ text: StagedText) {
        if key != delivery.key { probedKeys.insert(key) }
        if delivery.hasRowId { rowIdLink(rowIdKey(delivery, text), row, made: true) }
        if counted { count(created: delivery.created, modified: delivery.stamp, combo: combo, by: 1) }
        if delivery.hasConversation { link(delivery.conversationKey, row, made: true) }
        summary.deliveries.inserted += 1
    }

    @inline(__always) func link(_ conversation: Int64, _ delivery: Int64, made: Bool) {
        linkChanges.append(ConversationLinks.Change(conversation: conversation, delivery: delivery,
                                                    order: Int64(linkChanges.count) * 2 + (made ? 1 : 0)))
    }

    /// Records a (row id key, delivery key) pair made or dropped; written when the transaction finishes.
    @inline(__always) func rowIdLink(_ rowKey: Int64, _ delivery: Int64, made: Bool) {
        rowIdChanges.append(ConversationLinks.Change(conversation: rowKey, delivery: delivery,
                                                     order: Int64(rowIdChanges.count) * 2 + (made ? 1 : 0)))
    }

    /// Writes the row id pairs changed so far (at the end of the transaction, or before a lookup by row id).
    func writeRowIds() throws {
        guard !rowIdChanges.isEmpty else { return }
        let sorted = ConversationLinks.sorted(rowIdChanges)
        rowIdChanges.removeAll()
        try ConversationLinks.apply(sorted: sorted, storeHadNoLinks: storeHadNoRowIds, db, table: RowIdText.bucketTable)
        storeHadNoRowIds = false
    }

    /// Writes the transaction's link changes, sorted by `ConversationLinks.sorted`.
    func writeLinks(_ sorted: [ConversationLinks.Change]) throws {
        try ConversationLinks.apply(sorted: sorted, storeHadNoLinks: storeHadNoLinks, db)
        if !sorted.isEmpty { storeHadNoLinks = false }
    }

    func count(created: Int64, modified: Int64, combo: Int64, by delta: Int64) {
        slotDeltas.add(slot: TimeSlots.slot(of: created), combo: combo, delta)
        if modified >= now - TimeSlots.recentWindowSeconds, combosById[combo]?.isProcessed == true {
            recentDeltas.add(slot: TimeSlots.minute(of: modified), combo: combo, delta)
        }
    }

    func comboId(_ key: ComboKey) throws -> Int64 {
        if let id = comboIds[key] { return id }
        let id = nextComboId
        nextComboId += 1
        insertCombo.bind(1, id)
        insertCombo.bind(2, key.channel)
        insertCombo.bind(3, key.queueId)
        insertCombo.bind(4, key.configId)
        insertCombo.bind(5, key.status)
        insertCombo.bind(6, key.result)
        insertCombo.bind(7, key.dialMode)
        insertCombo.bind(8, key.engagementType)
        insertCombo.bind(9, key.direction.rawValue)
        try insertCombo.run()
        comboIds[key] = id
        combosById[id] = key
        return id
    }

    /// The direction of the delivery's conversation as stored now; none without a conversation.
    private func direction(of delivery: StagedDelivery, _ text: StagedText) throws -> Direction {
        guard delivery.hasConversation else { return .none }
        guard conversationsMayExist else {
            noteUnresolved(delivery)
            wantConversation(delivery, text)
            return .none
        }
        if let written = writtenConversations[delivery.conversationKey], written.check == StableHash.second(text.conversationId(delivery)) {
            return written.direction
        }
        findConversation.bind(1, delivery.conversationKey)
        defer { findConversation.reset() }
        // A different id under the same key (a hash collision, about one in 10^12 pairs) reads as unknown.
        guard try findConversation.step(), StoredIdText.holds(findConversation, 0, text.conversationId(delivery)) else {
            noteUnresolved(delivery)
            wantConversation(delivery, text)
            return .none
        }
        guard !findConversation.isNull(1) else { return .none }
        return findConversation.int64(1) != 0 ? .outgoing : .incoming
    }

    /// A delivery links to a conversation the store does not hold (yet): that conversation, when it comes, has a
    /// delivery to move. Past `unresolvedConversationsKept` keys the tracking stops (every new one relinks).
    @inline(__always) private func noteUnresolved(_ delivery: StagedDelivery) {
        guard unresolvedConversations != nil else { return }
        unresolvedConversations!.insert(delivery.conversationKey)
        if unresolvedConversations!.count > Self.unresolvedConversationsKept { unresolvedConversations = nil }
    }

    /// A synced delivery links to a conversation the store has not read: its id is kept for the sync to fetch.
    @inline(__always) private func wantConversation(_ delivery: StagedDelivery, _ text: StagedText) {
        guard sync?.collectsWantedConversations == true, wantedConversations[delivery.conversationKey] == nil else { return }
        wantedConversations[delivery.conversationKey] = Array(text.conversationId(delivery))
    }
}
