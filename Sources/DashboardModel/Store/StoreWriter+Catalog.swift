import GRDB

extension StoreWriter {
    // MARK: Configurations, queues, conversations

    public func upsert(_ configuration: Configuration) throws {
        let c = configuration
        let existing = try Row.fetchOne(db, sql: "SELECT * FROM configurations WHERE id = ?", arguments: [c.id])
        let values: [DatabaseValueConvertible?] = [c.name, c.status, c.priority, c.dialMode, c.channel, c.queueId]
        if let existing {
            let same = existing["name"] == c.name && existing["status"] == c.status && existing["priority"] == c.priority
                && existing["dial_mode"] == c.dialMode && existing["channel"] == c.channel
                && existing["queue_id"] == c.queueId
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
        let existing = try String.fetchOne(db, sql: "SELECT name FROM queues WHERE id = ?", arguments: [queue.id])
        if existing == queue.name { summary.queues.skipped += 1; return }
        try db.execute(sql: "INSERT INTO queues(id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name",
                       arguments: [queue.id, queue.name])
        if existing == nil { summary.queues.inserted += 1 } else { summary.queues.updated += 1 }
        catalogChanged = true
    }

    public func upsert(_ conversation: Conversation) throws {
        conversationsMayExist = true
        let key = StableHash.of(conversation.id)
        let newOutbound: Int64? = conversation.isOutbound.map { $0 ? 1 : 0 }
        findConversationRow.bind(1, key)
        let existing: (id: String?, outbound: Int64?, queue: String?)? = try findConversationRow.step()
            ? (findConversationRow.string(0), findConversationRow.isNull(1) ? nil : findConversationRow.int64(1),
               findConversationRow.string(2)) : nil
        findConversationRow.reset()
        if let existing {
            if existing.id == conversation.id && existing.outbound == newOutbound && existing.queue == conversation.queueId {
                summary.conversations.skipped += 1
                return
            }
            updateConversation.bind(1, conversation.id)
            updateConversation.bind(2, newOutbound.map { Int($0) })
            updateConversation.bind(3, conversation.queueId)
            updateConversation.bind(4, key)
            try updateConversation.run()
            summary.conversations.updated += 1
            if existing.id == conversation.id && existing.outbound == newOutbound { return }
        } else {
            insertConversation.bind(1, key)
            insertConversation.bind(2, conversation.id)
            insertConversation.bind(3, newOutbound.map { Int($0) })
            insertConversation.bind(4, conversation.queueId)
            try insertConversation.run()
            summary.conversations.inserted += 1
        }
        // Deliveries stored before now move when the batch finishes; versions still queued read the new direction
        // when they are applied (and are then left alone by the relink).
        relinks[key] = newOutbound.map { $0 != 0 ? .outgoing : .incoming } ?? Direction.none
    }

    /// Moves the deliveries linked to a conversation to the combination with the conversation's new direction.
    func relink(conversationKey: Int64, direction: Direction) throws {
        var linked: [StoredDelivery] = []
        // A delivery that moved to another conversation since it was linked is left alone.
        for deliveryKey in try ConversationLinks.deliveries(of: conversationKey, db) {
            findLinked.bind(1, deliveryKey)
            findLinked.bind(2, conversationKey)
            if try findLinked.step() {
                linked.append(StoredDelivery(rowId: deliveryKey, created: findLinked.int64(0),
                                             modified: findLinked.int64(1), combo: findLinked.int64(2)))
            }
            findLinked.reset()
        }
        for delivery in linked {
            guard var key = combosById[delivery.combo], key.direction != direction else { continue }
            key.direction = direction
            let newCombo = try comboId(key)
            setCombo.bind(1, newCombo)
            setCombo.bind(2, delivery.rowId)
            try setCombo.run()
            count(created: delivery.created, modified: delivery.modified, combo: delivery.combo, by: -1)
            count(created: delivery.created, modified: delivery.modified, combo: newCombo, by: 1)
            summary.relinkedDeliveries += 1
        }
    }

}
