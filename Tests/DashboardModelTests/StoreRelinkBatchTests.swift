import Foundation
import GRDB
import Testing
@testable import DashboardModel

/// Many conversations in one transaction (as a sync's conversation pass writes them) relink exactly as the same
/// conversations written one transaction each.
@Suite struct StoreRelinkBatchTests {
    static let conversationCount = 150

    /// 400 deliveries over several days and statuses (some completed within the recent window), most linking one of
    /// `conversationCount` conversations, some linking none.
    static func deliveries() -> [Delivery] {
        let start = MX.utc("2026-11-03T00:00:00Z"), now = MX.utc(MX.defaultNow)
        let statuses = ["Pending", "InProcess", "Complete", "Complete", "Expired"]
        return (0..<400).map { i in
            let created = start + Int64(i) * 1000
            let status = statuses[i % statuses.count]
            let modified = i % 7 == 0 ? now - Int64(i) * 60 : created + 600
            return Delivery(deliveryId: "d\(i)", createdOn: created, modifiedOn: modified, status: status,
                            result: status == "Complete" ? (i % 2 == 0 ? "CallEnded" : "NoAnswer") : "",
                            dialMode: i % 3 == 0 ? "Preview" : "Progressive", configId: "C\(i % 4)", queueId: "Q\(i % 3)",
                            channel: "Voice", conversationId: i % 5 == 0 ? "" : "cv\(i % conversationCount)",
                            engagementType: "")
        }
    }

    /// Newer versions of some deliveries that move them to another conversation: their old links go stale.
    static func moves() -> [Delivery] {
        deliveries().enumerated().compactMap { i, d in
            guard i % 11 == 1, let modified = d.modifiedOn else { return nil }
            var moved = d
            moved.modifiedOn = modified + 60
            moved.conversationId = "cv\((i + 1) % conversationCount)"
            return moved
        }
    }

    /// The final conversations: outbound, inbound or without a direction; the first 30 were stored before (inbound),
    /// so some flip, some stay and some lose their direction. One has no delivery.
    static func conversations() -> [Conversation] {
        (0..<conversationCount).map { j in
            Conversation(id: "cv\(j)", isOutbound: j % 3 == 0 ? true : j % 3 == 1 ? false : nil)
        } + [Conversation(id: "cv-none", isOutbound: true)]
    }

    /// A store with the deliveries, 30 conversations known as inbound, then the moves.
    static func prepared() throws -> MXStore {
        let s = try MXStore()
        try s.write(deliveries: deliveries())
        try s.write(conversations: (0..<30).map { Conversation(id: "cv\($0)", isOutbound: false) })
        try s.write(deliveries: moves())
        return s
    }

    /// The store's counts and deliveries by what their combinations say (combination ids depend on the order in
    /// which combinations were made, so they are compared by content).
    static func contents(_ store: DeliveryStore) throws -> [String: [String]] {
        let combo = "c.channel, c.queue_id, c.config_id, c.status, c.result, c.dial_mode, c.engagement_type, c.direction"
        let queries = [
            "slots": """
                SELECT s.slot, \(combo), SUM(s.n) FROM slot_counts s JOIN combos c ON c.id = s.combo
                GROUP BY s.slot, \(combo) HAVING SUM(s.n) != 0
                """,
            "recent": """
                SELECT r.minute, \(combo), SUM(r.n) FROM recent_processed r JOIN combos c ON c.id = r.combo
                GROUP BY r.minute, \(combo) HAVING SUM(r.n) != 0
                """,
            "deliveries": "SELECT d.id, d.conversation, d.created, d.modified, \(combo) FROM deliveries d JOIN combos c ON c.id = d.combo",
            "conversations": "SELECT * FROM conversations",
        ]
        return try store.read { db in
            try queries.mapValues { sql in
                try Row.fetchAll(db, sql: sql).map { $0.databaseValues.map { "\($0)" }.joined(separator: "|") }.sorted()
            }
        }
    }

    @Test func manyConversationsInOneTransactionEqualOneByOne() throws {
        let together = try Self.prepared(), oneByOne = try Self.prepared()
        let summary = try together.write(conversations: Self.conversations())
        var relinkedOneByOne = 0
        for conversation in Self.conversations() {
            relinkedOneByOne += try oneByOne.write(conversations: [conversation]).relinkedDeliveries
        }
        // The case is not trivial: most linked deliveries move, stale links included.
        #expect(summary.relinkedDeliveries > 150)
        #expect(summary.relinkedDeliveries == relinkedOneByOne)
        let a = try Self.contents(together.store), b = try Self.contents(oneByOne.store)
        for table in ["slots", "recent", "deliveries", "conversations"] {
            #expect(a[table] == b[table], "\(table)")
            #expect(a[table]?.isEmpty == false, "\(table)")
        }
        #expect(try StoreDigest.inconsistencies(together.store) == [])
        #expect(try StoreDigest.inconsistencies(oneByOne.store) == [])
        // And the dashboards agree, direction by direction.
        for direction in ["Outgoing", "Incoming"] {
            let filters = MX.filters(.all, [.direction: [direction]])
            #expect(try together.compute(filters) == oneByOne.compute(filters), "\(direction)")
        }
        let all = try together.compute()
        #expect(all.totalDeliveries == 400)
        #expect(all.mxFacet(.direction) == (try oneByOne.compute()).mxFacet(.direction))
    }

    /// A moved delivery follows its new conversation only: the stale link to the old one moves nothing.
    @Test func staleLinksMoveNothing() throws {
        let s = try Self.prepared()
        // d1 moved from cv1 to cv2; cv1 alone turns outbound.
        let summary = try s.write(conversations: [Conversation(id: "cv1", isOutbound: true)])
        let moved = try s.store.read { db in
            try Int.fetchOne(db, sql: """
                SELECT c.direction FROM deliveries d JOIN combos c ON c.id = d.combo WHERE d.delivery_id = 'd1'
                """)
        }
        #expect(moved == Direction.incoming.rawValue)  // cv2's direction, stored before the move
        // cv1 keeps d151 and d301 (d1 moved away).
        #expect(summary.relinkedDeliveries == 2)
        #expect(try StoreDigest.inconsistencies(s.store) == [])
    }
}
