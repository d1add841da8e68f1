import Foundation
import Testing
@testable import DashboardModel
@testable import Bench

/// Deletions: after them every number equals a fresh import of the rows that remain.
@Suite struct SyncDeletionTests {
    static let now = MX.instant(MX.defaultNow)

    /// A small demo center (every status, conversations with directions, completions in the last hour), each
    /// delivery with a row id of its own.
    struct World {
        var configurations: [Configuration] = []
        var queues: [Queue] = []
        var conversations: [Conversation] = []
        var deliveries: [Delivery] = []

        init(deliveries count: Int = 3000) {
            var n = 0
            DemoGenerator(seed: 11, deliveries: count, days: 20, now: SyncDeletionTests.now).generate { record in
                switch record {
                case .configuration(let c): configurations.append(c)
                case .queue(let q): queues.append(q)
                case .conversation(let c): conversations.append(c)
                case .delivery(var d):
                    n += 1
                    d.rowId = SyncPages.guid(n, prefix: 0x5e9c)
                    deliveries.append(d)
                case .deletion: break
                }
            }
            // Completions in the last hour, for the live throughput (one of them among the deletions below).
            for k in 1...12 {
                let at = Int64(SyncDeletionTests.now.timeIntervalSince1970) - Int64(k * 240)
                deliveries.append(Delivery(deliveryId: "live-\(k)", createdOn: at - 600, modifiedOn: at, status: "Complete",
                                           result: k % 4 == 0 ? "Abandoned" : "CallEnded", dialMode: "Predictive",
                                           rowId: SyncPages.guid(k, prefix: 0x11fe)))
            }
        }

        /// Writes the world as an import does (one transaction), leaving out what `keep` refuses.
        func importInto(_ store: DeliveryStore, keepDelivery: (Delivery) -> Bool = { _ in true },
                        keepConfiguration: (Configuration) -> Bool = { _ in true }, keepQueue: (Queue) -> Bool = { _ in true },
                        keepConversation: (Conversation) -> Bool = { _ in true }) throws {
            try store.write(now: SyncDeletionTests.now) { w in
                for c in configurations where keepConfiguration(c) { try w.upsert(c) }
                for q in queues where keepQueue(q) { try w.upsert(q) }
                for c in conversations where keepConversation(c) { try w.upsert(c) }
                for d in deliveries where keepDelivery(d) { try w.upsert(d) }
            }
        }
    }

    static let filterSets: [DashboardFilters] = [
        MX.filters(.all, tz: "UTC"),
        MX.filters(.lastDays(7), tz: "America/New_York"),
        MX.filters(.lastDays(30), tz: "Asia/Kathmandu", [.direction: ["Outgoing"]]),
        MX.filters(.all, tz: "Australia/Lord_Howe", [.status: ["Complete"]]),
    ]

    /// The snapshot JSON (live figures included) and the non-zero facet counts, per filter set.
    static func view(_ store: DeliveryStore) throws -> [String] {
        let index = AggregateIndex(store: store)
        try index.refresh()
        return filterSets.map { filters in
            let data = MetricsEngine.compute(index: index, filters: filters, now: now)
            // Without the time the store was written (a second apart for stores written across a second's turn).
            var text = SnapshotJSON.value(of: data).serialized()
                .replacingOccurrences(of: #""dataChangedAt":"[^"]*""#, with: "", options: .regularExpression)
            for dimension in FilterDimension.allCases {
                let facets = (data.facets[dimension] ?? []).filter { $0.count > 0 }.map { "\($0.value)=\($0.count)" }.sorted()
                text += "\n\(dimension): " + facets.joined(separator: ",")
            }
            return text
        }
    }

    @Test func deletingDeliveriesCatalogRowsAndAConversationEqualsAFreshImportOfTheRest() throws {
        let world = World()
        let synced = try MXStore()
        // The catalog and conversations as an import writes them; the deliveries read in full by the sync (one
        // page: the full read ends at once).
        try world.importInto(synced.store, keepDelivery: { _ in false })
        let full = WebAPIPageWriter.page(world.deliveries, context: SyncPages.org + "$metadata#msdyn_proactive_deliveries",
                                         deltaLink: SyncPages.org + "d?$deltatoken=0")
        let read = try synced.store.applySyncPage(full, table: .deliveries, source: "full", cursor: .delta(deltaLink: SyncPages.org + "d?$deltatoken=0"),
                                                  now: Self.now)
        #expect(read.endedFullRead && read.deleted == 0 && read.summary.deliveries.inserted == world.deliveries.count)
        let index = AggregateIndex(store: synced.store)
        try index.refresh()  // a running dashboard, refreshed incrementally below

        // Every 7th delivery (by its row id), one configuration, one queue, one conversation that deliveries link to.
        var gone = Set(world.deliveries.enumerated().filter { $0.offset % 7 == 3 }.map(\.element.rowId))
        gone.insert(SyncPages.guid(4, prefix: 0x11fe))  // "live-4", an abandoned call of the last hour
        #expect(MetricsEngine.compute(index: index, filters: MX.filters(), now: Self.now).live?.throughputPerHour == 12)
        let goneConfig = world.configurations[1].id, goneQueue = world.queues[2].id
        let linked = Set(world.deliveries.map(\.conversationId))
        let goneConversation = try #require(world.conversations.first { $0.isOutbound == true && linked.contains($0.id) }).id
        var entries = gone.sorted().map { SyncPages.deleted(.deliveries, $0) }
        entries.append(SyncPages.deleted(.configurations, goneConfig))
        entries.append(SyncPages.deleted(.queues, goneQueue))
        entries.append(SyncPages.deleted(.conversations, goneConversation))
        entries.append(SyncPages.deleted(.deliveries, "00000000-dead-4000-8000-000000000000"))
        let generation = try synced.store.generation()
        let outcome = try synced.store.applySyncPage(SyncPages.page(.deliveries, entries), table: .deliveries, source: "delta",
                                                     cursor: .delta(deltaLink: SyncPages.org + "d?$deltatoken=1"), now: Self.now)
        #expect(outcome.summary.deliveries.deleted == gone.count)
        #expect(outcome.summary.configurations.deleted == 1 && outcome.summary.queues.deleted == 1)
        #expect(outcome.summary.conversations.deleted == 1)
        #expect(outcome.summary.unknownDeletions == 1)
        #expect(outcome.summary.relinkedDeliveries > 0)
        #expect(try synced.store.generation() > generation)

        let fresh = try MXStore()
        try world.importInto(fresh.store, keepDelivery: { !gone.contains($0.rowId) }, keepConfiguration: { $0.id != goneConfig },
                             keepQueue: { $0.id != goneQueue }, keepConversation: { $0.id != goneConversation })
        let expected = try Self.view(fresh.store)
        let afterDeletions = try Self.view(synced.store)
        #expect(afterDeletions == expected)
        // The running dashboard's index, refreshed from the changed slot rows only, agrees too.
        #expect(try index.refresh())
        let incremental = Self.filterSets.map { MetricsEngine.compute(index: index, filters: $0, now: Self.now) }
        let fromScratch = try Self.filterSets.map { MetricsEngine.compute(index: try fresh.index(), filters: $0, now: Self.now) }
        #expect(incremental[0].live?.throughputPerHour == 12 - world.deliveries.suffix(12).filter { gone.contains($0.rowId) }.count)
        let same = incremental.map { SnapshotJSON.value(of: $0).serialized() } == fromScratch.map { SnapshotJSON.value(of: $0).serialized() }
        #expect(same)
        // The stored snapshot (rewritten or not) plus the newer rows still start a dashboard right.
        let reopened = try DeliveryStore.openForReading(path: synced.store.path)
        let reopenedView = try Self.view(reopened)
        #expect(reopenedView == expected)
    }

    @Test func deletingManyRowsRewritesTheSnapshotAndStaysExact() throws {
        let world = World(deliveries: 1500)
        let synced = try MXStore(snapshotRewriteThreshold: 10)
        try world.importInto(synced.store)
        let gone = Set(world.deliveries.enumerated().filter { $0.offset % 3 == 0 }.map(\.element.deliveryId))
        try synced.store.write(now: Self.now) { w in for id in gone.sorted() { try w.deleteDelivery(id: id) } }
        let fresh = try MXStore()
        try world.importInto(fresh.store, keepDelivery: { !gone.contains($0.deliveryId) })
        #expect(try Self.view(synced.store) == Self.view(fresh.store))
    }

    @Test func anImportFileWithDeletedEntitiesAppliesThem() throws {
        let s = try MXStore()
        let folder = s.folder.path
        let page = SyncPages.page(.deliveries, [
            SyncPages.delivery(row: "a0000000-0000-4000-8000-000000000001", id: "d1", created: "2026-11-05T10:00:00Z"),
            SyncPages.delivery(row: "a0000000-0000-4000-8000-000000000002", id: "d2", created: "2026-11-06T10:00:00Z"),
        ])
        try Data(page).write(to: URL(fileURLWithPath: folder + "/full.json"))
        #expect(FileImporter.importFile(folder + "/full.json", into: s.store, now: Self.now).error == nil)
        // A delta export: one deletion with its context, one bare (no context: any table's row with that key).
        let delta = "{\"value\": [" + String(decoding: SyncPages.bytes(SyncPages.deleted(.deliveries, "a0000000-0000-4000-8000-000000000001")), as: UTF8.self)
            + ", {\"id\": \"A0000000-0000-4000-8000-000000000002\", \"reason\": \"deleted\"}]}"
        try delta.write(toFile: folder + "/delta.json", atomically: true, encoding: .utf8)
        let outcome = FileImporter.importFile(folder + "/delta.json", into: s.store, now: Self.now)
        #expect(outcome.error == nil)
        #expect(outcome.summary?.deliveries.deleted == 2)
        #expect(try s.compute().totalDeliveries == 0)
    }

    /// Repeated: the page's reading thread stages `b` while the writer applies the deletions (a writer that took the
    /// stager's batch itself would apply `b` before its deletion, now and then).
    @Test(arguments: 0..<20) func upsertThenDeleteAndDeleteThenUpsertInOnePageEndAsTheyShould(_ round: Int) throws {
        let s = try MXStore()
        let a = SyncPages.delivery(row: "a0000000-0000-4000-8000-00000000000a", id: "da", created: "2026-11-05T10:00:00Z")
        let b = SyncPages.delivery(row: "a0000000-0000-4000-8000-00000000000b", id: "db", created: "2026-11-05T11:00:00Z")
        try s.store.applySyncPage(SyncPages.page(.deliveries, [b]), table: .deliveries, source: "p0", cursor: nil, now: Self.now)
        let page = SyncPages.page(.deliveries, [a, SyncPages.deleted(.deliveries, "a0000000-0000-4000-8000-00000000000a"),
                                                SyncPages.deleted(.deliveries, "a0000000-0000-4000-8000-00000000000b"), b])
        let outcome = try s.store.applySyncPage(page, table: .deliveries, source: "p1", cursor: nil, now: Self.now)
        #expect(outcome.summary.deliveries.deleted == 2)
        #expect(outcome.summary.deliveries.inserted == 2)
        let data = try s.compute()
        #expect(data.totalDeliveries == 1)
        #expect(data.mxDates == ["2026-11-05 1/0"])
    }

    @Test func anImportedRowIdLetsALaterSyncDeleteTheDelivery() throws {
        let s = try MXStore()
        let csv = """
            msdyn_proactive_deliveryid,msdyn_delivery_id,createdon,msdyn_status
            5e9c0000-0000-4000-8000-000000000001,d-1,2026-11-05T10:00:00Z,Pending
            5E9C0000-0000-4000-8000-000000000002,d-2,2026-11-05T11:00:00Z,Pending
            d-3,d-3,2026-11-05T12:00:00Z,Pending

            """
        try csv.write(toFile: s.folder.path + "/d.csv", atomically: true, encoding: .utf8)
        #expect(FileImporter.importFile(s.folder.path + "/d.csv", into: s.store, now: Self.now).error == nil)
        let pairs = try s.store.read { db in try ConversationLinks.all(db) }
        #expect(pairs.isEmpty)  // the link buckets: no conversation
        let rowPairs = try s.store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM delivery_row_buckets") ?? 0
        }
        #expect(rowPairs == 2)  // d-3's row id is its delivery id: nothing kept for it
        let page = SyncPages.page(.deliveries, ["5e9c0000-0000-4000-8000-000000000002", "d-3", "d-1"].map { SyncPages.deleted(.deliveries, $0) })
        let outcome = try s.store.applySyncPage(page, table: .deliveries, source: "delta", cursor: nil, now: Self.now)
        #expect(outcome.summary.deliveries.deleted == 2)
        #expect(outcome.summary.unknownDeletions == 1)  // d-1 is a delivery id, not d-1's row id
        #expect(try s.compute().mxDates == ["2026-11-05 1/0"])
    }

    @Test func aFileWithoutSeparateRowIdsWritesNoRowIdPairs() throws {
        let s = try MXStore()
        try s.write(deliveries: (1...200).map { MX.d("id-\($0)", "2026-11-05T10:00:00Z") })
        let (pairs, rowIds) = try s.store.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM delivery_row_buckets") ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM deliveries WHERE row_id IS NOT NULL") ?? -1)
        }
        #expect(pairs == 0 && rowIds == 0)
    }
}

/// A deletion inside a run of probed keys (a hash collision) leaves every other delivery findable by its id.
@Suite struct DeletionProbeRunTests {
    @Test func aDeliveryPastACollisionMovesIntoTheHoleAndStaysOneDelivery() throws {
        let s = try MXStore()
        let y = "collided-delivery"
        let home = StableHash.of(y)
        // A collision made by hand: another delivery's key is moved onto y's, so y's key is one further on.
        try s.write(deliveries: [MX.d("blocker", "2026-11-05T09:00:00Z", "Expired")])
        try s.store.write(now: MX.instant(MX.defaultNow)) { w in
            try w.db.execute(sql: "UPDATE delivery_keys SET key = ? WHERE key = ?", arguments: [home, StableHash.of("blocker")])
        }
        try s.write(deliveries: [MX.d(y, "2026-11-05T10:00:00Z", "Pending", modified: "2026-11-05T10:00:00Z")])
        let (keys, blocker, yRow) = try s.store.read { db in
            (try Int64.fetchAll(db, sql: "SELECT key FROM delivery_keys ORDER BY key"),
             try Int64.fetchOne(db, sql: "SELECT id FROM deliveries WHERE delivery_id = 'blocker'") ?? -1,
             try Int64.fetchOne(db, sql: "SELECT id FROM deliveries WHERE delivery_id = ?", arguments: [y]) ?? -1)
        }
        #expect(Set(keys) == [home, home &+ 1])
        // The delivery on y's own key goes: y's key moves into the hole, its row stays.
        try s.store.write(now: MX.instant(MX.defaultNow)) { w in _ = try w.removeDelivery(row: blocker) }
        let left = try s.store.read { db in
            (try Int64.fetchAll(db, sql: "SELECT key FROM delivery_keys"), try Int64.fetchAll(db, sql: "SELECT row FROM delivery_keys"))
        }
        #expect(left.0 == [home] && left.1 == [yRow])
        // A newer version of y updates it (no second row), and y can be deleted by its id.
        let update = try s.write(deliveries: [MX.d(y, "2026-11-05T10:00:00Z", "Complete", result: "CallEnded",
                                                   modified: "2026-11-05T10:30:00Z")])
        #expect(update.deliveries.updated == 1 && update.deliveries.inserted == 0)
        #expect(try s.compute().mxStatus == ["Complete": 1])
        #expect(try s.store.deleteDelivery(id: y, now: MX.instant(MX.defaultNow)))
        #expect(try s.compute().totalDeliveries == 0)
    }
}
