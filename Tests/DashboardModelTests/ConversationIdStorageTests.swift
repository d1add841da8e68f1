import Foundation
import Testing
@testable import DashboardModel

/// Conversations' ids and queue ids kept as 16 bytes when they are GUIDs (`StoredIdText`), as text otherwise and in
/// rows written before; every lookup takes both.
@Suite struct ConversationIdStorageTests {
    static let guid = "3b7dae04-8c5f-4f0e-9d3a-1c2b3a4d5e6f"
    static let queue = "0a1b2c3d-0000-4000-8000-00000000000f"

    static func stored(_ s: MXStore) throws -> [String] {
        try s.store.read { db in
            try String.fetchAll(db, sql: "SELECT typeof(conversation_id) || '/' || typeof(queue_id) FROM conversations ORDER BY 1")
        }
    }

    @Test func aGUIDIsStoredAsSixteenBytesAndFoundByDeliveriesUpdatesAndDeletions() throws {
        let s = try MXStore()
        try s.write(conversations: [Conversation(id: Self.guid, isOutbound: true, queueId: Self.queue),
                                    Conversation(id: "not-a-guid", isOutbound: false, queueId: "q-text")])
        #expect(try Self.stored(s) == ["blob/blob", "text/text"])
        #expect(try s.store.read { db in
            try Int.fetchOne(db, sql: "SELECT length(conversation_id) FROM conversations WHERE typeof(conversation_id) = 'blob'")
        } == 16)
        // A delivery of a later transaction reads the direction stored (looked up, not remembered).
        try s.write(deliveries: [MX.d("d1", "2026-11-05T10:00:00Z", conversation: Self.guid),
                                 MX.d("d2", "2026-11-05T10:00:00Z", conversation: "not-a-guid")])
        #expect(try s.compute().mxFacet(.direction) == ["Outgoing": 1, "Incoming": 1])
        // The same values again change nothing; a new direction moves its delivery.
        let same = try s.write(conversations: [Conversation(id: Self.guid, isOutbound: true, queueId: Self.queue)])
        #expect(same.conversations.skipped == 1 && same.conversations.updated == 0)
        let turned = try s.write(conversations: [Conversation(id: Self.guid, isOutbound: false, queueId: Self.queue)])
        #expect(turned.conversations.updated == 1 && turned.relinkedDeliveries == 1)
        #expect(try s.store.storedConversationIds(among: [Self.guid, "not-a-guid", "other"]) == [Self.guid, "not-a-guid"])
        #expect(try s.store.write(now: MX.instant(MX.defaultNow)) { w in _ = try w.deleteConversation(id: Self.guid) }.conversations.deleted == 1)
        #expect(try Self.stored(s) == ["text/text"])
    }

    @Test func aGUIDStoredAsTextBeforeIsFoundAndUpdatedNotDuplicated() throws {
        let s = try MXStore()
        try s.store.write(now: MX.instant(MX.defaultNow)) { w in
            try w.db.execute(sql: "INSERT INTO conversations(id, conversation_id, is_outbound, queue_id) VALUES (?, ?, 1, ?)",
                             arguments: [StableHash.of(Self.guid), Self.guid, Self.queue])
        }
        try s.write(deliveries: [MX.d("d1", "2026-11-05T10:00:00Z", conversation: Self.guid)])
        #expect(try s.compute().mxFacet(.direction) == ["Outgoing": 1, "Incoming": 0])
        let same = try s.write(conversations: [Conversation(id: Self.guid, isOutbound: true, queueId: Self.queue)])
        #expect(same.conversations.skipped == 1)
        let turned = try s.write(conversations: [Conversation(id: Self.guid, isOutbound: false, queueId: Self.queue)])
        #expect(turned.conversations.updated == 1 && turned.conversations.inserted == 0)
        #expect(try Self.stored(s) == ["blob/blob"])
        #expect(try s.compute().mxFacet(.direction) == ["Outgoing": 0, "Incoming": 1])
    }
}
