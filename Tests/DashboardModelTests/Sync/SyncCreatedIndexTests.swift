import Foundation
import GRDB
import Testing
@testable import DashboardModel

/// Issue 11: the list's index on created (`deliveries_by_created_id`) stays away for the whole first full read of the
/// deliveries into a store that had none, and is built once when that read ends; a read killed half-way gets it back
/// when it resumes and ends; rounds of changes never drop it; readers work while it is away.
@Suite struct SyncCreatedIndexTests {
    static let now = SyncFullReadTests.now
    static let startedAt = SyncFullReadTests.startedAt
    static let link = SyncFullReadTests.link

    /// The indexes of the deliveries table, as `PRAGMA index_list` names them (sorted).
    static func indexes(_ store: DeliveryStore) throws -> [String] {
        try store.read { db in
            try Row.fetchAll(db, sql: "PRAGMA index_list(deliveries)").map { $0["name"] as String }.sorted()
        }
    }

    static func hasCreatedIndex(_ store: DeliveryStore) throws -> Bool {
        try indexes(store).contains(CreatedIndex.name)
    }

    /// The schema cookie: every CREATE or DROP of an index moves it.
    static func schemaVersion(_ store: DeliveryStore) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? -1 }
    }

    /// The deliveries' keys and own columns, their combination by its values (ids are numbered in the order met),
    /// not their row numbers (the order rows were written) nor the full read's `seen` mark, in key order: equal for a
    /// sync and an import of the same rows.
    static func deliveryRows(_ store: DeliveryStore) throws -> [String] {
        try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT k.key, hex(d.delivery_id), d.created, d.modified, d.conversation, hex(d.row_id),
                    c.channel, c.queue_id, c.config_id, c.status, c.result, c.dial_mode, c.engagement_type, c.direction,
                    \(StagedDetails.columns.map { "d.\($0)" }.joined(separator: ", "))
                FROM delivery_keys k JOIN deliveries d ON d.id = k.row JOIN combos c ON c.id = d.combo ORDER BY k.key
                """).map { row in row.databaseValues.map { "\($0)" }.joined(separator: "|") }
        }
    }

    /// Page `i` (0-based) of `rows` in pages of `size`, with the cursor a full read started at `startedAt` saves.
    static func page(_ rows: [[String: Any]], _ i: Int, size: Int, startedAt: Date = startedAt) -> SyncPage {
        let pages = (rows.count + size - 1) / size
        let last = i == pages - 1
        let cursor: SyncCursor = last ? .delta(deltaLink: link + "?$deltatoken=\(i)")
            : .fullRead(nextLink: link + "?$skiptoken=\(i + 1)", startedAt: startedAt)
        return SyncPage(bytes: SyncPages.page(.deliveries, Array(rows[(i * size)..<min(i * size + size, rows.count)])),
                        source: "page \(i + 1)", cursor: cursor)
    }

    /// The list's first page, the count and the export of every delivery, as the dashboard and `export` read them.
    static func readers(_ s: MXStore) throws -> (rows: [String], count: Int, csv: String) {
        let index = try s.index()
        let query = DeliveryQuery(filters: MX.filters(.all, tz: "UTC"), now: now)
        let rows = try query.page(index: index, store: s.store, limit: 1000).rows.map(\.deliveryId)
        let sink = DeliveryExportTests.Collect()
        try DeliveryExporter(options: ExportOptions()).export(query, index: index, store: s.store, to: sink)
        return (rows, try query.count(index: index, store: s.store), sink.text)
    }

    @Test func aFirstReadKeepsTheIndexAwayUntilItsLastPageAndTheReadersWorkMeanwhile() throws {
        let service = SyncFullReadTests.service(90)
        let s = try MXStore()
        #expect(try Self.hasCreatedIndex(s.store), "a new store has the index (migration v8-list-index)")
        // Each page in a transaction of its own, as a sync whose pages arrive slower than the store applies them.
        for i in 0..<2 {
            try s.store.applySyncPages([Self.page(service, i, size: 30)], table: .deliveries, now: Self.now)
            #expect(try !Self.hasCreatedIndex(s.store), "page \(i + 1) of 3: the first read is under way")
        }
        // Readers work without it (their order and rows are those of the index, found by a sort).
        let partial = try Self.readers(s)
        #expect(partial.count == 60)
        #expect(Set(partial.rows) == Set(service.prefix(60).compactMap { $0["msdyn_delivery_id"] as? String }))
        try s.store.applySyncPages([Self.page(service, 2, size: 30)], table: .deliveries, now: Self.now)
        #expect(try Self.hasCreatedIndex(s.store), "the page that ends the read builds the index")
        let imported = try SyncFullReadTests.freshImport(service)
        #expect(try Self.indexes(s.store) == Self.indexes(imported.store))
        #expect(try Self.deliveryRows(s.store) == Self.deliveryRows(imported.store))
        let synced = try Self.readers(s), fromImport = try Self.readers(imported)
        // The same rows (ordered by created; those created in the same second in the order the store wrote them,
        // their rows, which differs between three transactions and one).
        func lines(_ csv: String) -> [String] { csv.split(whereSeparator: \.isNewline).map(String.init).sorted() }
        #expect(synced.rows.sorted() == fromImport.rows.sorted() && synced.count == 90 && lines(synced.csv) == lines(fromImport.csv))
        #expect(try SyncFullReadTests.json(s) == SyncFullReadTests.json(imported))
        #expect(try StoreDigest.inconsistencies(s.store).isEmpty)
    }

    /// A page stream that hands over `pages` and then fails, as a sync killed in the middle of a transaction:
    /// that transaction is rolled back, the ones before it stay.
    struct Killed: Error {}

    @Test func aFirstReadKilledHalfWayAndResumedEndsWithTheIndexAndTheRowsOfAnImport() throws {
        let service = SyncFullReadTests.service(120)
        let s = try MXStore()
        do {
            // Two transactions of two pages each commit; the third is under way when the process dies.
            let first = try DeliveryStore.openForWriting(path: s.store.path)
            var sent = 0
            #expect(throws: Killed.self) {
                try first.applySyncPages(table: .deliveries, now: Self.now,
                                         policy: SyncCommitPolicy(maxEntries: 40, maxSeconds: .infinity)) { _ in
                    defer { sent += 1 }
                    if sent == 5 { throw Killed() }
                    return Self.page(service, sent, size: 20)
                }
            }
            #expect(try first.syncStatus()?.rowsByTable[.deliveries] == 80)
        }
        // The next process opens the store: the read is under way, so the index stays away.
        let second = try DeliveryStore.openForWriting(path: s.store.path)
        #expect(try !Self.hasCreatedIndex(second))
        #expect(try second.syncStatus()?.fullReadUnderWay == [.deliveries])
        // A write that is not the read's (configurations) leaves it away too while the read is under way.
        try second.applySyncPage(SyncPages.page(.configurations, []), table: .configurations, source: "configs",
                                 cursor: .delta(deltaLink: SyncPages.org + "msdyn_proactive_engagement_configs?$deltatoken=1"),
                                 now: Self.now)
        #expect(try !Self.hasCreatedIndex(second))
        // The resumed read, from the saved link (page 5 of 6), with the page the killed transaction had applied.
        try second.applySyncPages([Self.page(service, 4, size: 20), Self.page(service, 5, size: 20)], table: .deliveries,
                                  now: Self.now)
        #expect(try Self.hasCreatedIndex(second))
        let imported = try SyncFullReadTests.freshImport(service)
        #expect(try Self.indexes(second) == Self.indexes(imported.store))
        #expect(try Self.deliveryRows(second) == Self.deliveryRows(imported.store))
        #expect(try SyncFullReadTests.json(s) == SyncFullReadTests.json(imported))
        #expect(try second.syncStatus()?.rowsByTable[.deliveries] == 120)
        #expect(try StoreDigest.inconsistencies(second).isEmpty)
    }

    @Test func aStoreLeftWithoutTheIndexAndNoReadUnderWayGetsItBackWhenOpenedForWriting() throws {
        let service = SyncFullReadTests.service(50)
        let s = try MXStore()
        try s.store.applySyncPages([Self.page(service, 0, size: 25)], table: .deliveries, now: Self.now)
        #expect(try !Self.hasCreatedIndex(s.store))
        // The read is abandoned (its cursor forgotten, as after a refused token): nothing defers the index now.
        try s.store.resetSyncCursor(for: .deliveries)
        let reopened = try DeliveryStore.openForWriting(path: s.store.path)
        #expect(try Self.hasCreatedIndex(reopened))
        // And a store whose index went missing some other way gets it back from its next write, too.
        try reopened.writeWithoutTransaction { db in try db.execute(sql: "DROP INDEX \(CreatedIndex.name)") }
        try reopened.write(now: Self.now) { w in try w.upsert(Delivery(deliveryId: "late-1", createdOn: MX.utc("2026-11-06T10:00:00Z"), status: "Pending")) }
        #expect(try Self.hasCreatedIndex(reopened))
    }

    @Test func roundsOfChangesAndAFullReadOfAStoreWithDeliveriesNeverDropTheIndex() throws {
        let service = SyncFullReadTests.service(60)
        let s = try MXStore()
        try s.store.applySyncPages((0..<2).map { Self.page(service, $0, size: 30) }, table: .deliveries, now: Self.now)
        #expect(try Self.hasCreatedIndex(s.store))
        let version = try Self.schemaVersion(s.store)
        // Delta rounds: changed rows, new rows, deletions.
        var changed = Array(service.prefix(10))
        for i in changed.indices {
            changed[i]["msdyn_status"] = "Cancelled"
            changed[i]["modifiedon"] = "2026-11-09T10:00:00Z"
        }
        let added = SyncFullReadTests.service(70).suffix(10).map { row -> [String: Any] in
            var row = row
            row["modifiedon"] = "2026-11-09T11:00:00Z"
            return row
        }
        let deleted = (20..<25).map { SyncPages.deleted(.deliveries, SyncPages.guid($0, prefix: 0xa0)) }
        for (n, entries) in [changed, Array(added), deleted].enumerated() {
            try s.store.applySyncPage(SyncPages.page(.deliveries, entries), table: .deliveries, source: "delta \(n)",
                                      cursor: .delta(deltaLink: Self.link + "?$deltatoken=d\(n)"), now: Self.now)
            #expect(try Self.schemaVersion(s.store) == version, "delta round \(n) changed the schema")
        }
        // A full read started again (the delta token refused) of a store that holds deliveries keeps the index. The
        // service now holds the changed rows and the rest but the deleted ones; the rows added since, left out of
        // the read, are deleted by its end.
        let current = changed + service[10...].enumerated().filter { !(9..<14).contains($0.offset) }.map(\.element)
        try s.store.resetSyncCursor(for: .deliveries)
        let again = MX.instant("2026-11-10T12:30:00Z")
        try s.store.applySyncPages([Self.page(current, 0, size: 30, startedAt: again)], table: .deliveries, now: Self.now)
        #expect(try Self.hasCreatedIndex(s.store))
        try s.store.applySyncPages([Self.page(current, 1, size: 30, startedAt: again)], table: .deliveries, now: Self.now)
        #expect(try Self.schemaVersion(s.store) == version, "a full read of a store with deliveries changed the schema")
        #expect(try Self.deliveryRows(s.store) == Self.deliveryRows(try SyncFullReadTests.freshImport(current).store))
        #expect(try Self.deliveryRows(s.store).count == 55)
    }

    @Test func anImportIntoAnEmptyStoreStillBuildsTheIndexInItsOwnTransaction() throws {
        let imported = try SyncFullReadTests.freshImport(SyncFullReadTests.service(40))
        #expect(try Self.hasCreatedIndex(imported.store))
    }
}
