import Foundation
import GRDB
import Testing
@testable import DashboardModel

/// Conversations written, rewritten and deleted within one transaction, among deliveries that link to them: the
/// counts are those of one upsert after the other, and the rows and directions end as one write per record.
@Suite struct ConversationTransactionTests {
    static let d1 = MX.d("d1", "2026-11-05T10:00:00Z", "InProcess", config: "C1", queue: "Q1", conversation: "cv1")
    static let d2 = MX.d("d2", "2026-11-05T11:00:00Z", "InProcess", config: "C1", queue: "Q1", conversation: "cv2")

    func rows(_ s: MXStore) throws -> [String] {
        try s.store.writeWithoutTransaction { db in
            try Row.fetchAll(db, sql: "SELECT conversation_id, is_outbound, queue_id FROM conversations ORDER BY conversation_id").map {
                let outbound: Int64? = $0[1]
                let queue: String? = $0[2]
                return "\($0[0] as String) \(outbound.map(String.init) ?? "nil") \(queue ?? "nil")"
            }
        }
    }

    @Test func aConversationWrittenTwiceCountsAsOneByOneAndItsDeliveryTakesTheLast() throws {
        let s = try MXStore()
        let summary = try s.store.write(now: MX.instant(MX.defaultNow)) { w in
            try w.upsert(Conversation(id: "cv1", isOutbound: true))
            try w.upsert(Self.d1)  // staged: applied when the write ends, with the last direction
            try w.upsert(Conversation(id: "cv1", isOutbound: true))  // the same: skipped
            try w.upsert(Conversation(id: "cv1", isOutbound: false, queueId: "Q1"))  // changed
        }
        #expect(summary.conversations.inserted == 1 && summary.conversations.skipped == 1 && summary.conversations.updated == 1)
        #expect(try rows(s) == ["cv1 0 Q1"])
        #expect(try s.compute().mxFacet(.direction) == ["Incoming": 1, "Outgoing": 0])
    }

    @Test func aStoredConversationIsComparedWithItsRow() throws {
        let s = try MXStore()
        try s.write(deliveries: [Self.d1, Self.d2], conversations: [Conversation(id: "cv1", isOutbound: false), Conversation(id: "cv2", isOutbound: true)])
        let summary = try s.store.write(now: MX.instant(MX.defaultNow)) { w in
            try w.upsert(Conversation(id: "cv1", isOutbound: false))  // as stored: skipped
            try w.upsert(Conversation(id: "cv2", isOutbound: false))  // flipped: d2 moves
            try w.upsert(Conversation(id: "cv3", isOutbound: true))  // new, nothing links to it
        }
        #expect(summary.conversations.skipped == 1 && summary.conversations.updated == 1 && summary.conversations.inserted == 1)
        #expect(summary.relinkedDeliveries == 1)
        #expect(try rows(s) == ["cv1 0 nil", "cv2 0 nil", "cv3 1 nil"])
        #expect(try s.compute().mxFacet(.direction) == ["Incoming": 2, "Outgoing": 0])
    }

    @Test func aConversationDeletedAfterItsUpsertIsGone() throws {
        let s = try MXStore()
        let summary = try s.store.write(now: MX.instant(MX.defaultNow)) { w in
            try w.upsert(Conversation(id: "cv1", isOutbound: true))
            try w.upsert(Self.d1)
            #expect(try w.deleteConversation(id: "cv1"))
            try w.upsert(Self.d2)
        }
        #expect(summary.conversations.inserted == 1 && summary.conversations.deleted == 1)
        #expect(try rows(s).isEmpty)
        // d1 lost the direction it took; neither delivery is Outgoing.
        #expect(try s.compute().mxFacet(.direction)["Outgoing", default: 0] == 0)
    }

    /// Random conversations, deliveries and deletions in one transaction end as the same writes one per transaction.
    @Test(arguments: 0..<12) func oneTransactionEndsAsOneWritePerRecord(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &+ 7)
        enum Step { case conversation(Conversation), delivery(Delivery), deletion(String) }
        var steps: [Step] = []
        for n in 0..<60 {
            let cv = "cv\(random.next() % 6)"
            switch random.next() % 5 {
            case 0, 1:
                let outbound: Bool? = [true, false, nil][Int(random.next() % 3)]
                steps.append(.conversation(Conversation(id: cv, isOutbound: outbound, queueId: random.next() % 2 == 0 ? nil : "Q1")))
            case 2, 3:
                steps.append(.delivery(MX.d("d\(random.next() % 8)", "2026-11-05T10:00:00Z", "InProcess", config: "C1", queue: "Q1",
                                            conversation: cv, modified: "2026-11-05T10:\(String(format: "%02d", n % 60)):00Z")))
            default:
                steps.append(.deletion(cv))
            }
        }
        func apply(_ step: Step, _ w: StoreWriter) throws {
            switch step {
            case .conversation(let c): try w.upsert(c)
            case .delivery(let d): try w.upsert(d)
            case .deletion(let id): try w.deleteConversation(id: id)
            }
        }
        let together = try MXStore(preferRAM: true), apart = try MXStore(preferRAM: true)
        try together.store.write(now: MX.instant(MX.defaultNow)) { w in for step in steps { try apply(step, w) } }
        for step in steps { try apart.store.write(now: MX.instant(MX.defaultNow)) { w in try apply(step, w) } }
        #expect(try rows(together) == rows(apart))
        let filters = MX.filters()
        #expect(try together.compute(filters).mxFacet(.direction) == apart.compute(filters).mxFacet(.direction))
        #expect(try together.compute(filters).totalDeliveries == apart.compute(filters).totalDeliveries)
    }
}
