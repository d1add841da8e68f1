import Foundation
import Testing
@testable import DashboardModel

/// Conversations that travel with a page of deliveries (`SyncPage.conversations`).
@Suite struct SyncCompanionTests {
    static let now = MX.instant(MX.defaultNow)
    static let started = Date(timeIntervalSince1970: 1_796_000_000)

    static func conversation(_ k: Int) -> String { "cc000000-0000-4000-8000-\(String(format: "%012d", k))" }

    static func delivery(_ k: Int, conversation: Int?) -> [String: Any] {
        SyncPages.delivery(row: SyncPages.guid(k, prefix: 0xa0), id: "dlv-\(k)", created: "2026-11-0\(k % 9 + 1)T10:00:00Z",
                           status: "Complete", result: "CallEnded", conversation: conversation.map(Self.conversation))
    }

    static func answer(_ ks: [Int], outbound: (Int) -> Bool) -> [UInt8] {
        SyncPages.page(.conversations, ks.map { ["msdyn_ocliveworkitemid": Self.conversation($0), "msdyn_isoutbound": outbound($0)] })
    }

    static func companions(_ ks: [Int], outbound: @escaping (Int) -> Bool) -> SyncPage.Companions {
        SyncPage.Companions(bytes: answer(ks, outbound: outbound), source: "conversations by id", pages: 1)
    }

    @Test func conversationsWithAPageAreStoredFirstSoItsDeliveriesNeverMoveOrWantThem() throws {
        let s = try MXStore()
        let rows = (1...12).map { Self.delivery($0, conversation: $0 % 3 == 0 ? nil : $0) }
        let linked = (1...12).filter { $0 % 3 != 0 }
        let page = SyncPage(bytes: SyncPages.page(.deliveries, rows), source: "p1", cursor: .delta(deltaLink: SyncPages.org + "d?$deltatoken=1"),
                            conversations: Self.companions(linked, outbound: { $0 % 2 == 0 }))
        let outcome = try s.store.applySyncPages([page], table: .deliveries, now: Self.now)
        #expect(outcome.rows == 12)
        #expect(outcome.conversationRows == linked.count && outcome.conversationPages == 1)
        #expect(outcome.summary.conversations.inserted == linked.count)
        // Stored with their direction as they were written: nothing to move afterwards, nothing to fetch.
        #expect(outcome.summary.relinkedDeliveries == 0)
        #expect(try s.store.wantedConversationIds(limit: 100).isEmpty)
        // 8 linked (4 outbound, 4 inbound) and 4 without a conversation, which either direction's filter keeps.
        #expect(try s.compute(MX.filters(.all, tz: "UTC", [.direction: ["Incoming"]])).totalDeliveries == 8)
        #expect(try s.compute(MX.filters(.all, tz: "UTC", [.direction: ["Outgoing"]])).totalDeliveries == 8)
        let status = try #require(try s.store.syncStatus())
        #expect(status.rowsByTable[.conversations] == linked.count)
        #expect(status.rowsByTable[.deliveries] == 12)

        // The same rows applied the old way (deliveries first, conversations after, which moves them) end alike.
        let t = try MXStore()
        try t.store.applySyncPage(SyncPages.page(.deliveries, rows), table: .deliveries, source: "p1",
                                  cursor: .delta(deltaLink: SyncPages.org + "d?$deltatoken=1"), now: Self.now)
        let late = try t.store.applySyncPage(Self.answer(linked, outbound: { $0 % 2 == 0 }), table: .conversations,
                                             source: "by id", cursor: nil, now: Self.now)
        #expect(late.summary.relinkedDeliveries == linked.count)
        #expect(try SyncDeletionTests.view(s.store) == SyncDeletionTests.view(t.store))
    }

    /// A first sync skips the relink of conversations no delivery linked to before them (`unresolvedConversations`):
    /// one that does come after its deliveries, in the same transaction or a later one of the call, still moves them.
    @Test(arguments: [1, 100]) func aConversationThatComesAfterItsDeliveriesStillMovesThem(_ perTransaction: Int) throws {
        let s = try MXStore()
        let rows = (1...12).map { Self.delivery($0, conversation: $0) }
        let outbound: (Int) -> Bool = { $0 % 2 == 0 }
        // The first page brings the conversations of deliveries 1-3 only; the second those of 4-12 (4-6 late).
        let pages = [
            SyncPage(bytes: SyncPages.page(.deliveries, Array(rows[0..<6])), source: "p1",
                     cursor: .fullRead(nextLink: SyncPages.org + "d?$skiptoken=1", startedAt: Self.started),
                     conversations: Self.companions([1, 2, 3], outbound: outbound)),
            SyncPage(bytes: SyncPages.page(.deliveries, Array(rows[6..<12])), source: "p2",
                     cursor: .delta(deltaLink: SyncPages.org + "d?$deltatoken=1"),
                     conversations: Self.companions(Array(4...12), outbound: outbound)),
        ]
        var i = 0
        let outcome = try s.store.applySyncPages(table: .deliveries, now: Self.now,
                                                 policy: SyncCommitPolicy(maxEntries: perTransaction, maxSeconds: 60)) { _ in
            defer { i += 1 }
            return i < pages.count ? pages[i] : nil
        }
        #expect(outcome.transactions == (perTransaction == 1 ? 2 : 1))
        // Two transactions: 4-6 were stored without a direction and move. One: they may still be staged when their
        // conversations come (then they take the direction as they are written); either way they end alike.
        if perTransaction == 1 { #expect(outcome.summary.relinkedDeliveries == 3) }
        #expect(try s.store.wantedConversationIds(limit: 100).isEmpty)
        #expect(try s.compute(MX.filters(.all, tz: "UTC", [.direction: ["Outgoing"]])).totalDeliveries == 6)
        #expect(try s.compute(MX.filters(.all, tz: "UTC", [.direction: ["Incoming"]])).totalDeliveries == 6)
        // As the rows applied the old way: every delivery first, every conversation after.
        let t = try MXStore()
        try t.store.applySyncPage(SyncPages.page(.deliveries, rows), table: .deliveries, source: "p1",
                                  cursor: .delta(deltaLink: SyncPages.org + "d?$deltatoken=1"), now: Self.now)
        try t.store.applySyncPage(Self.answer(Array(1...12), outbound: outbound), table: .conversations,
                                  source: "by id", cursor: nil, now: Self.now)
        #expect(try SyncDeletionTests.view(s.store) == SyncDeletionTests.view(t.store))
    }

    /// The transaction's own conversations give the direction of the deliveries applied after them
    /// (`StoreWriter.writtenConversations`); one deleted in the same transaction no longer does.
    @Test func aConversationWrittenAndDeletedInOneTransactionGivesNoDirection() throws {
        let s = try MXStore()
        let kept = Self.conversation(1), gone = Self.conversation(2)
        let file = s.folder.appendingPathComponent("mixed.json")
        let page = SyncPages.bytes([
            "@odata.context": SyncPages.org + "$metadata#msdyn_ocliveworkitems",
            "value": [
                ["msdyn_ocliveworkitemid": kept, "msdyn_isoutbound": true],
                ["msdyn_ocliveworkitemid": gone, "msdyn_isoutbound": true],
                SyncPages.deleted(.conversations, gone),
            ],
        ] as [String: Any])
        try Data(page).write(to: file)
        let deliveries = s.folder.appendingPathComponent("deliveries.json")
        try Data(SyncPages.page(.deliveries, [Self.delivery(1, conversation: 1), Self.delivery(2, conversation: 2)])).write(to: deliveries)
        // One file, one transaction: the conversations and the deletion, then the deliveries that link to them.
        let both = s.folder.appendingPathComponent("both.json")
        try Data(page + Array("\n".utf8) + SyncPages.page(.deliveries, [Self.delivery(1, conversation: 1), Self.delivery(2, conversation: 2)]))
            .write(to: both)
        let outcome = FileImporter.importFile(both.path, into: s.store, progress: nil)
        #expect(outcome.error == nil)
        // Delivery 1 is outgoing; delivery 2's conversation is gone, so it has no direction (either filter keeps it).
        #expect(try s.compute(MX.filters(.all, tz: "UTC", [.direction: ["Outgoing"]])).totalDeliveries == 2)
        #expect(try s.compute(MX.filters(.all, tz: "UTC", [.direction: ["Incoming"]])).totalDeliveries == 1)
        // The same as the rows applied in transactions of their own.
        let t = try MXStore()
        for path in [file.path, deliveries.path] { #expect(FileImporter.importFile(path, into: t.store, progress: nil).error == nil) }
        #expect(try SyncDeletionTests.view(s.store) == SyncDeletionTests.view(t.store))
    }

    @Test func companionsOfAPageThatCannotBeReadAreNotKept() throws {
        let s = try MXStore()
        let bad = SyncPage(bytes: Array(#"{"value":[{"msdyn_delivery_id":"#.utf8), source: "p1", cursor: nil,
                           conversations: Self.companions([1, 2], outbound: { _ in true }))
        #expect(throws: (any Error).self) { try s.store.applySyncPages([bad], table: .deliveries, now: Self.now) }
        #expect(try s.store.storedConversationIds(among: [Self.conversation(1), Self.conversation(2)]).isEmpty)
    }

    @Test func storedConversationIdsAreFoundWhateverTheirCaseOrBraces() throws {
        let s = try MXStore()
        try s.write(conversations: [Conversation(id: Self.conversation(1), isOutbound: true)])
        let upper = "{" + Self.conversation(1).uppercased() + "}"
        let found = try s.store.storedConversationIds(among: [upper, Self.conversation(2), Self.conversation(1)])
        #expect(found == [upper, Self.conversation(1)])
        #expect(try s.store.storedConversationIds(among: []).isEmpty)
    }

    @Test func pagesOfAFullReadWithTheirConversationsInOneTransactionEndAsOneByOne() throws {
        let cursor = { (n: Int) in SyncCursor.fullRead(nextLink: SyncPages.org + "d?$skiptoken=\(n)", startedAt: Self.started) }
        let delta = SyncCursor.delta(deltaLink: SyncPages.org + "d?$deltatoken=9")
        var pages: [SyncPage] = []
        for p in 0..<4 {
            let rows = (0..<25).map { Self.delivery(p * 25 + $0 + 1, conversation: (p * 25 + $0) % 4 == 0 ? nil : p * 25 + $0 + 1) }
            let linked = (0..<25).map { p * 25 + $0 + 1 }.filter { ($0 - 1) % 4 != 0 }
            pages.append(SyncPage(bytes: SyncPages.page(.deliveries, rows), source: "page \(p + 1)", cursor: p == 3 ? delta : cursor(p + 2),
                                  conversations: p == 1 ? nil : Self.companions(linked, outbound: { $0 % 3 == 0 })))
        }
        let together = try MXStore(), apart = try MXStore()
        let outcome = try together.store.applySyncPages(pages, table: .deliveries, now: Self.now)
        #expect(outcome.rows == 100 && outcome.transactions == 1)
        // Pages 1, 3 and 4 brought 18, 19 and 19 conversations.
        #expect(outcome.conversationPages == 3 && outcome.conversationRows == 56)
        for page in pages { try apart.store.applySyncPages([page], table: .deliveries, now: Self.now) }
        // Page 2's conversations never came: its 19 linked deliveries want them, both ways alike.
        #expect(try together.store.wantedConversationIds(limit: 100).count == 19)
        #expect(try apart.store.wantedConversationIds(limit: 100).count == 19)
        #expect(try SyncDeletionTests.view(together.store) == SyncDeletionTests.view(apart.store))
        #expect(try together.store.syncCursor(for: .deliveries) == delta)
    }
}
