import Foundation
import GRDB

/// Applies records to the store inside one write transaction, keeping `slot_counts` and `recent_processed`
/// exact as deliveries are inserted, replaced by newer versions, or re-linked to a conversation.
/// Deltas are gathered in memory and written once, by `finish`.
public final class StoreWriter {
    private struct SlotCombo: Hashable { var slot: Int64; var combo: Int64 }
    private struct StoredDelivery { var rowId: Int64; var created: Int64; var modified: Int64; var combo: Int64 }

    private let db: Database
    private let now: Int64
    private var comboIds: [ComboKey: Int64] = [:]
    private var combosById: [Int64: ComboKey] = [:]
    private var nextComboId: Int64 = 1
    private var slotDeltas: [SlotCombo: Int64] = [:]
    private var recentDeltas: [SlotCombo: Int64] = [:]
    private var catalogChanged = false
    private var pendingDeliveries: [Delivery] = []
    private var checkedStatuses: Set<String> = [], checkedResults: Set<String> = [], checkedDialModes: Set<String> = []
    public private(set) var summary = ImportSummary()

    private let findDelivery: RawStatement
    private let insertDelivery: RawStatement
    private let updateDelivery: RawStatement
    private let findConversation: RawStatement
    private let insertCombo: RawStatement
    private let findConversationRow: RawStatement
    private let insertConversation: RawStatement
    private let updateConversation: RawStatement
    private let findLinked: RawStatement
    private let setCombo: RawStatement

    init(db: Database, now: Date) throws {
        self.db = db
        self.now = Int64(now.timeIntervalSince1970)
        findDelivery = try RawStatement(db, "SELECT delivery_id, created, modified, combo FROM deliveries WHERE id = ?")
        insertDelivery = try RawStatement(db, "INSERT INTO deliveries(id, delivery_id, created, modified, combo, conversation) VALUES (?, ?, ?, ?, ?, ?)")
        updateDelivery = try RawStatement(db, "UPDATE deliveries SET created = ?, modified = ?, combo = ?, conversation = ? WHERE id = ?")
        findConversation = try RawStatement(db, "SELECT conversation_id, is_outbound FROM conversations WHERE id = ?")
        insertCombo = try RawStatement(db, """
            INSERT INTO combos(id, channel, queue_id, config_id, status, result, dial_mode, engagement_type, direction)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        findConversationRow = try RawStatement(db, "SELECT conversation_id, is_outbound, queue_id FROM conversations WHERE id = ?")
        insertConversation = try RawStatement(db, "INSERT INTO conversations(id, conversation_id, is_outbound, queue_id) VALUES (?, ?, ?, ?)")
        updateConversation = try RawStatement(db, "UPDATE conversations SET conversation_id = ?, is_outbound = ?, queue_id = ? WHERE id = ?")
        findLinked = try RawStatement(db, "SELECT id, created, modified, combo FROM deliveries WHERE conversation = ?")
        setCombo = try RawStatement(db, "UPDATE deliveries SET combo = ? WHERE id = ?")
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM combos")
        for row in rows {
            let key = ComboKey(channel: row["channel"], queueId: row["queue_id"], configId: row["config_id"],
                               status: row["status"], result: row["result"], dialMode: row["dial_mode"],
                               engagementType: row["engagement_type"],
                               direction: Direction(rawValue: row["direction"]) ?? .none)
            let id: Int64 = row["id"]
            comboIds[key] = id
            combosById[id] = key
            nextComboId = max(nextComboId, id + 1)
        }
    }

    // MARK: Deliveries

    /// Queues a delivery version; versions are applied in batches sorted by key, so a large import walks the
    /// B-tree in order instead of jumping around it. Which version wins does not depend on the order.
    public func upsert(_ delivery: Delivery) throws {
        pendingDeliveries.append(delivery)
        if pendingDeliveries.count >= StoreWriter.batchSize { try flushDeliveries() }
    }

    static let batchSize = 65_536

    private func flushDeliveries() throws {
        guard !pendingDeliveries.isEmpty else { return }
        // Sort small (key, position) pairs, not the deliveries themselves; equal keys keep file order.
        var order = pendingDeliveries.indices.map { (key: StableHash.of(pendingDeliveries[$0].deliveryId), position: $0) }
        order.sort { ($0.key, $0.position) < ($1.key, $1.position) }
        for item in order { try apply(pendingDeliveries[item.position], hash: item.key) }
        pendingDeliveries.removeAll(keepingCapacity: true)
    }

    private func apply(_ delivery: Delivery, hash: Int64) throws {
        noteUnseen(delivery)
        let (rowId, existing) = try stored(delivery.deliveryId, hash: hash)
        let stamp = delivery.versionStamp
        if let existing, stamp <= existing.modified {
            summary.deliveries.skipped += 1
            return
        }
        let conversationKey = delivery.conversationId.isEmpty ? nil : StableHash.of(delivery.conversationId)
        let direction = try self.direction(ofConversation: delivery.conversationId, key: conversationKey)
        let combo = try comboId(ComboKey(delivery, direction: direction))
        if let existing {
            updateDelivery.bind(1, delivery.createdOn)
            updateDelivery.bind(2, stamp)
            updateDelivery.bind(3, combo)
            updateDelivery.bind(4, conversationKey.map { Int($0) })
            updateDelivery.bind(5, rowId)
            try updateDelivery.run()
            count(created: existing.created, modified: existing.modified, combo: existing.combo, by: -1)
            summary.deliveries.updated += 1
        } else {
            insertDelivery.bind(1, rowId)
            insertDelivery.bind(2, delivery.deliveryId)
            insertDelivery.bind(3, delivery.createdOn)
            insertDelivery.bind(4, stamp)
            insertDelivery.bind(5, combo)
            insertDelivery.bind(6, conversationKey.map { Int($0) })
            try insertDelivery.run()
            summary.deliveries.inserted += 1
        }
        count(created: delivery.createdOn, modified: stamp, combo: combo, by: 1)
    }

    /// The row of a delivery id: its key (the hash, or the next free value after a collision) and, when
    /// stored, its current version.
    private func stored(_ deliveryId: String, hash: Int64) throws -> (Int64, StoredDelivery?) {
        var key = hash
        while true {
            findDelivery.bind(1, key)
            defer { findDelivery.reset() }
            guard try findDelivery.step() else { return (key, nil) }
            if findDelivery.string(0) == deliveryId {
                return (key, StoredDelivery(rowId: key, created: findDelivery.int64(1), modified: findDelivery.int64(2),
                                            combo: findDelivery.int64(3)))
            }
            key &+= 1
        }
    }

    private func count(created: Int64, modified: Int64, combo: Int64, by delta: Int64) {
        slotDeltas[SlotCombo(slot: TimeSlots.slot(of: created), combo: combo), default: 0] += delta
        if combosById[combo]?.isProcessed == true, modified >= now - TimeSlots.recentWindowSeconds {
            recentDeltas[SlotCombo(slot: TimeSlots.minute(of: modified), combo: combo), default: 0] += delta
        }
    }

    private func comboId(_ key: ComboKey) throws -> Int64 {
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

    private func direction(ofConversation id: String, key: Int64?) throws -> Direction {
        guard let key else { return .none }
        findConversation.bind(1, key)
        defer { findConversation.reset() }
        // A different id under the same key (a hash collision, about one in 10^12 pairs) reads as unknown.
        guard try findConversation.step(), findConversation.string(0) == id, !findConversation.isNull(1) else { return .none }
        return findConversation.int64(1) != 0 ? .outgoing : .incoming
    }

    private func noteUnseen(_ delivery: Delivery) {
        // Each distinct value is checked once per import.
        if checkedStatuses.insert(delivery.status).inserted, !DeliveryStatus(delivery.status).isKnown {
            summary.unseenValues.insert("status \"\(delivery.status)\"")
        }
        if !delivery.result.isEmpty, checkedResults.insert(delivery.result).inserted,
           !DeliveryResult(delivery.result).isKnown {
            summary.unseenValues.insert("result \"\(delivery.result)\"")
        }
        if !delivery.dialMode.isEmpty, checkedDialModes.insert(delivery.dialMode).inserted,
           !DialMode(delivery.dialMode).isKnown {
            summary.unseenValues.insert("dial mode \"\(delivery.dialMode)\"")
        }
    }

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
        // Versions still queued will read the new direction when they are applied.
        try relink(conversationKey: key, direction: newOutbound.map { $0 != 0 ? .outgoing : .incoming } ?? .none)
    }

    /// Moves the deliveries linked to a conversation to the combination with the conversation's new direction.
    private func relink(conversationKey: Int64, direction: Direction) throws {
        var linked: [StoredDelivery] = []
        findLinked.bind(1, conversationKey)
        while try findLinked.step() {
            linked.append(StoredDelivery(rowId: findLinked.int64(0), created: findLinked.int64(1),
                                         modified: findLinked.int64(2), combo: findLinked.int64(3)))
        }
        findLinked.reset()
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

    // MARK: Commit

    /// Writes the gathered counts and bumps the store's generation, so that readers see one consistent change.
    func finish() throws {
        try flushDeliveries()
        let changed = summary.deliveries.inserted + summary.deliveries.updated + summary.relinkedDeliveries > 0
        guard changed || catalogChanged else { return }
        let generation = (try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'generation'") ?? 0) + 1
        let upsertSlot = try RawStatement(db, """
            INSERT INTO slot_counts(slot, combo, n, generation) VALUES (?, ?, ?, ?)
            ON CONFLICT(slot, combo) DO UPDATE SET n = n + excluded.n, generation = excluded.generation
            """)
        for (key, delta) in slotDeltas where delta != 0 {
            upsertSlot.bind(1, key.slot)
            upsertSlot.bind(2, key.combo)
            upsertSlot.bind(3, delta)
            upsertSlot.bind(4, generation)
            try upsertSlot.run()
        }
        let upsertRecent = try RawStatement(db, """
            INSERT INTO recent_processed(minute, combo, n) VALUES (?, ?, ?)
            ON CONFLICT(minute, combo) DO UPDATE SET n = n + excluded.n
            """)
        for (key, delta) in recentDeltas where delta != 0 {
            upsertRecent.bind(1, key.slot)
            upsertRecent.bind(2, key.combo)
            upsertRecent.bind(3, delta)
            try upsertRecent.run()
        }
        try db.execute(sql: "DELETE FROM recent_processed WHERE minute < ?",
                       arguments: [TimeSlots.minute(of: now - TimeSlots.recentWindowSeconds)])
        try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'generation'", arguments: [generation])
        try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'changed_at'", arguments: [now])
        if catalogChanged {
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'catalog_generation'", arguments: [generation])
        }
        try AggregateSnapshotWriter.refreshIfNeeded(db, generation: generation, changedSlotRows: slotDeltas.count)
        slotDeltas.removeAll()
        recentDeltas.removeAll()
    }
}
