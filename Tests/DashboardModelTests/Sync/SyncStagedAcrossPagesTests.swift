import Foundation
import Testing
@testable import DashboardModel

/// Issue 11: the deliveries of a sync transaction's pages are staged together and applied in sorted batches that span
/// pages (`SyncTransactionPages`). Whatever a later page does to a delivery still staged (a newer or older
/// version, a deletion, a new full read), and whatever conversations travel between the pages, one transaction ends
/// as the pages applied one by one.
@Suite struct SyncStagedAcrossPagesTests {
    static let now = SyncFullReadTests.now
    static let link = SyncFullReadTests.link
    static let conversation = SyncCompanionTests.conversation

    static func delivery(_ k: Int, status: String = "Pending", modified: String, conversation: Int? = nil) -> [String: Any] {
        SyncPages.delivery(row: SyncPages.guid(k, prefix: 0xa0), id: "dlv-\(k)", created: "2026-11-0\(1 + k % 7)T0\(k % 10):15:00Z",
                           status: status, modified: modified, result: status == "Complete" ? "CallEnded" : nil,
                           conversation: conversation.map(Self.conversation))
    }

    /// Both ways from the same store: every page in one transaction, and one transaction a page.
    static func bothWays(start: [[String: Any]], _ pages: [SyncPage]) throws -> (together: MXStore, oneByOne: MXStore,
                                                                               outcome: SyncPageOutcome) {
        // The start read in full first (a delta cursor saved), unless there is none.
        let together = try MXStore(), oneByOne = try MXStore()
        if !start.isEmpty {
            for s in [together, oneByOne] { _ = try SyncFullReadTests.fullRead(start, into: s.store, size: 20) }
        }
        let outcome = try together.store.applySyncPages(pages, table: .deliveries, now: Self.now)
        #expect(outcome.transactions == 1)
        for page in pages { try oneByOne.store.applySyncPages([page], table: .deliveries, now: Self.now) }
        return (together, oneByOne, outcome)
    }

    static func expectAlike(_ a: MXStore, _ b: MXStore) throws {
        #expect(try SyncCreatedIndexTests.deliveryRows(a.store) == SyncCreatedIndexTests.deliveryRows(b.store))
        #expect(try SyncFullReadTests.json(a) == SyncFullReadTests.json(b))
        #expect(try SyncDeletionTests.view(a.store) == SyncDeletionTests.view(b.store))
        #expect(try a.store.wantedConversationIds(limit: 1000) == b.store.wantedConversationIds(limit: 1000))
        #expect(try StoreDigest.inconsistencies(a.store).isEmpty)
        #expect(try StoreDigest.inconsistencies(b.store).isEmpty)
    }

    @Test func laterPagesChangeAndDeleteDeliveriesStillStagedAndConversationsComeBetween() throws {
        let start = (1...40).map { Self.delivery($0, modified: "2026-11-08T10:00:00Z") }
        func page(_ n: Int, _ entries: [[String: Any]], conversations: [Int] = []) -> SyncPage {
            SyncPage(bytes: SyncPages.page(.deliveries, entries), source: "delta \(n)",
                     cursor: .delta(deltaLink: Self.link + "?$deltatoken=\(n)"),
                     conversations: conversations.isEmpty ? nil : SyncCompanionTests.companions(conversations, outbound: { $0 % 2 == 0 }))
        }
        let pages = [
            // New rows 41...60 (some linking conversations the store lacks) and a change of rows 1...5.
            page(1, (41...60).map { Self.delivery($0, status: "Complete", modified: "2026-11-09T10:00:00Z", conversation: $0 % 3 == 0 ? $0 : nil) }
                + (1...5).map { Self.delivery($0, status: "InProcess", modified: "2026-11-09T10:00:00Z") }),
            // The conversations of page 1's deliveries arrive with page 2; page 2 deletes rows 45 and 3 (both staged
            // by page 1), brings a newer version of 42 and an older one of 43 (older than page 1's, newer than none).
            page(2, [SyncPages.deleted(.deliveries, SyncPages.guid(45, prefix: 0xa0)),
                     SyncPages.deleted(.deliveries, SyncPages.guid(3, prefix: 0xa0)),
                     Self.delivery(42, status: "Expired", modified: "2026-11-09T11:00:00Z"),
                     Self.delivery(43, status: "Expired", modified: "2026-11-09T09:00:00Z")],
                 conversations: (41...60).filter { $0 % 3 == 0 }),
            // Row 45 again (deleted, then new), and 61...70 linking conversations no page brings.
            page(3, [Self.delivery(45, status: "Pending", modified: "2026-11-09T12:00:00Z")]
                + (61...70).map { Self.delivery($0, status: "Complete", modified: "2026-11-09T12:00:00Z", conversation: 100 + $0) }),
        ]
        let (together, oneByOne, outcome) = try Self.bothWays(start: start, pages)
        try Self.expectAlike(together, oneByOne)
        #expect(outcome.summary.deliveries.deleted == 2)
        // 40 + 20 new - 2 deleted + 45 again + 10 new.
        #expect(try SyncCreatedIndexTests.deliveryRows(together.store).count == 69)
        #expect(try together.store.wantedConversationIds(limit: 1000).count == 10)
    }

    @Test func aFullReadStartedAgainInsideATransactionMarksEachPageByItsOwnRead() throws {
        let start: [[String: Any]] = []
        let rows = (1...30).map { Self.delivery($0, modified: "2026-11-08T10:00:00Z") }
        let first = SyncFullReadTests.startedAt, second = MX.instant("2026-11-10T12:30:00Z")
        func page(_ entries: ArraySlice<[String: Any]>, _ cursor: SyncCursor) -> SyncPage {
            SyncPage(bytes: SyncPages.page(.deliveries, Array(entries)), source: "p", cursor: cursor)
        }
        // A read sees rows 1...20 over two pages, then is started again and sees rows 11...30: its end deletes 1...10.
        let pages = [
            page(rows[0..<10], .fullRead(nextLink: Self.link + "?$skiptoken=1", startedAt: first)),
            page(rows[10..<20], .fullRead(nextLink: Self.link + "?$skiptoken=2", startedAt: first)),
            page(rows[10..<20], .fullRead(nextLink: Self.link + "?$skiptoken=1", startedAt: second)),
            page(rows[20..<30], .delta(deltaLink: Self.link + "?$deltatoken=9")),
        ]
        let (together, oneByOne, outcome) = try Self.bothWays(start: start, pages)
        try Self.expectAlike(together, oneByOne)
        #expect(outcome.deletedAsUnseen == 10 && outcome.endedFullRead)
        #expect(try SyncCreatedIndexTests.deliveryRows(together.store).count == 20)
        #expect(try SyncCreatedIndexTests.hasCreatedIndex(together.store))
    }

    @Test func aPageOfConversationsAppliesOnlyItsConversations() throws {
        let s = try MXStore()
        // The answer to a query of conversations by id holds a delivery and a deletion besides its conversation.
        let odd = SyncPages.bytes(["@odata.context": SyncPages.org + "$metadata#msdyn_ocliveworkitems", "value": [
            ["msdyn_ocliveworkitemid": Self.conversation(1), "msdyn_isoutbound": true],
            Self.delivery(99, modified: "2026-11-09T10:00:00Z"),
            SyncPages.deleted(.deliveries, SyncPages.guid(1, prefix: 0xa0)),
        ]])
        let page = SyncPage(bytes: SyncPages.page(.deliveries, [Self.delivery(1, modified: "2026-11-09T10:00:00Z", conversation: 1)]),
                            source: "p1", cursor: .delta(deltaLink: Self.link + "?$deltatoken=1"),
                            conversations: SyncPage.Companions(bytes: odd, source: "conversations by id", pages: 1))
        let outcome = try s.store.applySyncPages([page], table: .deliveries, now: Self.now)
        #expect(outcome.summary.conversations.inserted == 1)
        #expect(outcome.summary.deliveries.inserted == 1 && outcome.summary.deliveries.deleted == 0)
        #expect(try SyncCreatedIndexTests.deliveryRows(s.store).count == 1)
        #expect(try s.compute(MX.filters(.all, tz: "UTC", [.direction: ["Outgoing"]])).totalDeliveries == 1)
    }
}
