import GRDB

extension StoreWriter {
    // MARK: Configurations, queues, conversations

    public func upsert(_ configuration: Configuration) throws {
        try upsertOnly(configuration)
        if let mark = sync?.mark(for: .configurations) {
            try db.execute(sql: "UPDATE configurations SET seen = ? WHERE id = ?", arguments: [mark, configuration.id])
        }
    }

    private func upsertOnly(_ configuration: Configuration) throws {
        let c = configuration
        let existing = try Row.fetchOne(db, sql: "SELECT * FROM configurations WHERE id = ?", arguments: [c.id])
        let values: [DatabaseValueConvertible?] = [c.name, c.status, c.priority, c.dialMode, c.channel, c.queueId]
        if let existing {
            // Compared as database values: a column altered by hand to another type differs, and never traps.
            let columns = ["name", "status", "priority", "dial_mode", "channel", "queue_id"]
            let same = zip(columns, values).allSatisfy { column, value in
                (existing[column] as DatabaseValue) == (value?.databaseValue ?? .null)
            }
            if same { summary.configurations.skipped += 1; return }
            try db.execute(sql: """
                UPDATE configurations SET name = ?, status = ?, priority = ?, dial_mode = ?, channel = ?, queue_id = ?
                WHERE id = ?
                """, arguments: StatementArguments(values + [c.id]))
            summary.configurations.updated += 1
        } else {
            try db.execute(sql: """
                INSERT INTO configurations(id, name, status, priority, dial_mode, channel, queue_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: StatementArguments([c.id] + values))
            summary.configurations.inserted += 1
        }
        catalogChanged = true
    }

    public func upsert(_ queue: Queue) throws {
        try upsertOnly(queue)
        if let mark = sync?.mark(for: .queues) {
            try db.execute(sql: "UPDATE queues SET seen = ? WHERE id = ?", arguments: [mark, queue.id])
        }
    }

    private func upsertOnly(_ queue: Queue) throws {
        let existing = try DatabaseValue.fetchOne(db, sql: "SELECT name FROM queues WHERE id = ?", arguments: [queue.id])
        if existing == queue.name.databaseValue { summary.queues.skipped += 1; return }
        try db.execute(sql: "INSERT INTO queues(id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name",
                       arguments: [queue.id, queue.name])
        if existing == nil { summary.queues.inserted += 1 } else { summary.queues.updated += 1 }
        catalogChanged = true
    }

    public func upsert(_ conversation: Conversation) throws {
        conversationsMayExist = true
        let key = StableHash.of(conversation.id)
        wantedConversations[key] = nil
        let newOutbound: Int64? = conversation.isOutbound.map { $0 ? 1 : 0 }
        // A conversation the store does not hold (every one in a first read) is inserted by one descent of the
        // B-tree; one it holds (the insert changes nothing) is compared and updated below.
        insertConversation.bind(1, key)
        StoredIdText.bind(insertConversation, 2, conversation.id)
        insertConversation.bind(3, newOutbound.map { Int($0) })
        StoredIdText.bind(insertConversation, 4, conversation.queueId)
        try insertConversation.run()
        if insertConversation.changes == 1 {
            summary.conversations.inserted += 1
            if wantedMayExist {
                forgetWanted.bind(1, key)
                try forgetWanted.run()
            }
            relinkAfterWriting(conversation, key: key, outbound: newOutbound, isNew: true)
            return
        }
        findConversationRow.bind(1, key)
        let existing: (id: String?, outbound: Int64?, queue: String?)? = try findConversationRow.step()
            ? (RowIdText.of(findConversationRow, 0), findConversationRow.isNull(1) ? nil : findConversationRow.int64(1),
               RowIdText.of(findConversationRow, 2)) : nil
        findConversationRow.reset()
        if let existing {
            if existing.id == conversation.id && existing.outbound == newOutbound && existing.queue == conversation.queueId {
                summary.conversations.skipped += 1
                return
            }
            StoredIdText.bind(updateConversation, 1, conversation.id)
            updateConversation.bind(2, newOutbound.map { Int($0) })
            StoredIdText.bind(updateConversation, 3, conversation.queueId)
            updateConversation.bind(4, key)
            try updateConversation.run()
            summary.conversations.updated += 1
            if existing.id == conversation.id && existing.outbound == newOutbound { return }
        } else {
            // Not inserted above, yet not found: only a store changed under this transaction could do that.
            throw StoreError("conversation \(SyncSecrets.redact(conversation.id)) could be neither inserted nor found")
        }
        relinkAfterWriting(conversation, key: key, outbound: newOutbound)
    }

    /// Deliveries stored before now move when the batch finishes; versions still queued read the new direction when
    /// they are applied (and are then left alone by the relink).
    /// A new conversation that no delivery linked to before it (`unresolvedConversations` says so) has nothing to
    /// move: it is left out of the relink (in a first sync every conversation is new, and comes before the
    /// deliveries of its page).
    private func relinkAfterWriting(_ conversation: Conversation, key: Int64, outbound newOutbound: Int64?, isNew: Bool = false) {
        let direction = newOutbound.map { $0 != 0 ? .outgoing : .incoming } ?? Direction.none
        let nothingLinked = isNew && unresolvedConversations.map { !$0.contains(key) } == true
        if !nothingLinked { relinks[key] = (direction, Int64(linkChanges.count)) }
        // At most a million (about 40 MB: an import of a large conversations file stays bounded); beyond, the store.
        if writtenConversations.count < StoreWriter.writtenConversationsKept || writtenConversations[key] != nil {
            writtenConversations[key] = (StableHash.second(conversation.id), direction)
        }
    }

    /// Moves the deliveries linked to the conversations whose direction arrived or changed in this transaction to
    /// the combination with the conversation's direction (each link bucket read once). A delivery whose last link
    /// change in this transaction came after its conversation was written took the direction then: left alone.
    /// The moves are gathered first and applied in delivery key order: one pass over the deliveries B-tree, front
    /// to back, instead of a scattered page per delivery (the counts change in memory, written once by `finish`).
    /// - Parameter changes: this transaction's link changes, as `ConversationLinks.sorted` leaves them.
    func relinkAll(changes: [ConversationLinks.Change]) throws {
        let conversations = relinks.keys.sorted()
        var moves: [(delivery: Int64, conversation: Int64, direction: Direction)] = []
        var next = 0
        for link in try ConversationLinks.deliveries(ofEach: conversations, db) {
            guard let target = relinks[link.conversation] else { continue }
            // The pair's changes in this transaction (both lists are sorted by conversation, then delivery).
            while next < changes.count,
                  (changes[next].conversation, changes[next].delivery) < (link.conversation, link.delivery) { next += 1 }
            var last: ConversationLinks.Change?
            while next < changes.count, changes[next].conversation == link.conversation, changes[next].delivery == link.delivery {
                last = changes[next]
                next += 1
            }
            if let last, last.isAdded, last.order >> 1 >= target.after { continue }
            moves.append((link.delivery, link.conversation, target.direction))
        }
        relinks.removeAll()
        ImportTrace.mark("\(moves.count) moves found")
        // A delivery linked to several conversations (stale links) matches at most one: its stored conversation.
        moves.sort { ($0.delivery, $0.conversation) < ($1.delivery, $1.conversation) }
        for move in moves {
            // A delivery that moved to another conversation since it was linked is left alone.
            findLinked.bind(1, move.delivery)
            findLinked.bind(2, move.conversation)
            defer { findLinked.reset() }
            guard try findLinked.step() else { continue }
            let delivery = try StoredDelivery(findLinked, rowId: move.delivery, firstColumn: 0)
            guard var key = combosById[delivery.combo], key.direction != move.direction else { continue }
            key.direction = move.direction
            let newCombo = try comboId(key)
            setCombo.bind(1, newCombo)
            setCombo.bind(2, delivery.rowId)
            try setCombo.run()
            count(created: delivery.created, modified: delivery.modified, combo: delivery.combo, by: -1)
            count(created: delivery.created, modified: delivery.modified, combo: newCombo, by: 1)
            summary.relinkedDeliveries += 1
        }
    }

    /// Keeps the ids of conversations synced deliveries link to that the store has not read (a conversation read in
    /// this transaction after its deliveries is not wanted); forgets those the store now has.
    func writeWantedConversations() throws {
        if !wantedConversations.isEmpty {
            let insert = try RawStatement(db, """
                INSERT OR IGNORE INTO sync_wanted_conversations(id, conversation_id)
                SELECT ?1, ?2 WHERE NOT EXISTS(SELECT 1 FROM conversations WHERE id = ?1)
                """)
            for (key, id) in wantedConversations.sorted(by: { $0.key < $1.key }) {
                insert.bind(1, key)
                try id.withUnsafeBufferPointer { bytes in
                    insert.bindStatic(2, bytes)
                    try insert.run()
                }
            }
            wantedConversations.removeAll()
        }
    }
}
