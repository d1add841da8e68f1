import Foundation
import Testing
@testable import DashboardModel

/// Full reads: they converge to the service's rows (deletions included), and one interrupted half-way resumes from
/// its saved link without losing or double-counting rows.
@Suite struct SyncFullReadTests {
    static let now = MX.instant(MX.defaultNow)
    static let startedAt = MX.instant("2026-11-10T11:59:00Z")
    static let link = SyncPages.org + "msdyn_proactive_deliveries"

    /// The service's deliveries: n rows over a few days, mixed statuses.
    static func service(_ n: Int, modified: String = "2026-11-08T10:00:00Z") -> [[String: Any]] {
        let statuses = ["Pending", "Complete", "Expired", "Complete", "InProcess"]
        return (1...n).map { k in
            SyncPages.delivery(row: SyncPages.guid(k, prefix: 0xa0), id: "dlv-\(k)", created: "2026-11-0\(1 + k % 7)T0\(k % 10):15:00Z",
                               status: statuses[k % statuses.count], modified: modified,
                               result: statuses[k % statuses.count] == "Complete" ? "CallEnded" : nil,
                               dial: k % 2 == 0 ? "Predictive" : "Preview", config: "cfg-\(k % 3)", queue: "q-\(k % 2)")
        }
    }

    /// A fresh store holding exactly `rows` (as an import of one page writes them).
    static func freshImport(_ rows: [[String: Any]]) throws -> MXStore {
        let s = try MXStore()
        let path = s.folder.path + "/all.json"
        try Data(SyncPages.page(.deliveries, rows)).write(to: URL(fileURLWithPath: path))
        let outcome = FileImporter.importFile(path, into: s.store, now: now)
        #expect(outcome.error == nil)
        return s
    }

    static func json(_ s: MXStore) throws -> [String] {
        try [MX.filters(.all, tz: "UTC"), MX.filters(.lastDays(7), tz: "Asia/Kolkata")].map {
            SnapshotJSON.value(of: try s.compute($0)).serialized()
        }
    }

    /// Applies `rows` as a full read in pages of `size`, the last one with the delta link.
    static func fullRead(_ rows: [[String: Any]], into store: DeliveryStore, size: Int, startedAt: Date = startedAt,
                         skipping: Int = 0) throws -> [SyncPageOutcome] {
        var outcomes: [SyncPageOutcome] = []
        let pages = stride(from: 0, to: rows.count, by: size).map { Array(rows[$0..<min($0 + size, rows.count)]) }
        for (i, page) in pages.enumerated() where i >= skipping {
            let last = i == pages.count - 1
            let cursor: SyncCursor = last ? .delta(deltaLink: link + "?$deltatoken=\(i)")
                : .fullRead(nextLink: link + "?$skiptoken=\(i + 1)", startedAt: startedAt)
            outcomes.append(try store.applySyncPage(SyncPages.page(.deliveries, page), table: .deliveries,
                                                    source: "page \(i + 1)", cursor: cursor, now: now))
        }
        return outcomes
    }

    @Test func aFullReadConvergesToTheServicesRowsDeletionsIncluded() throws {
        let s = try MXStore()
        // The store holds rows the service no longer has (an old import, a sync whose deletions were missed).
        let old = Self.service(60, modified: "2026-11-07T10:00:00Z")
        let path = s.folder.path + "/old.json"
        try Data(SyncPages.page(.deliveries, old)).write(to: URL(fileURLWithPath: path))
        #expect(FileImporter.importFile(path, into: s.store, now: Self.now).error == nil)
        // The service: rows 1...40 (some changed since), and 20 new ones (61...80).
        var service = Array(Self.service(80).prefix(40)) + Array(Self.service(80).suffix(20))
        service[5]["msdyn_status"] = "Cancelled"
        let outcomes = try Self.fullRead(service, into: s.store, size: 16)
        #expect(outcomes.count == 4)
        #expect(outcomes.dropLast().allSatisfy { !$0.endedFullRead && $0.deleted == 0 })
        #expect(outcomes.last?.endedFullRead == true)
        #expect(outcomes.last?.deletedAsUnseen == 20)
        #expect(try s.store.syncCursor(for: .deliveries) == .delta(deltaLink: Self.link + "?$deltatoken=3"))
        #expect(try Self.json(s) == Self.json(try Self.freshImport(service)))
        #expect(try s.store.syncStatus()?.rowsByTable[.deliveries] == 60)
        // The full read's end packed the slot rows again: a dashboard starts from the snapshot alone.
        let index = try s.index()
        #expect(index.snapshotGeneration == (try s.store.generation()))
    }

    @Test func aFullReadInterruptedHalfWayResumesFromItsSavedLink() throws {
        let service = Self.service(100)
        let s = try MXStore()
        do {
            // A process applies two pages of five, then is gone (its store closed, nothing more said).
            let first = try DeliveryStore.openForWriting(path: s.store.path)
            for i in 0..<2 {
                try first.applySyncPage(SyncPages.page(.deliveries, Array(service[(i * 20)..<(i * 20 + 20)])), table: .deliveries,
                                        source: "page \(i + 1)",
                                        cursor: .fullRead(nextLink: Self.link + "?$skiptoken=\(i + 1)", startedAt: Self.startedAt),
                                        now: Self.now)
            }
        }
        let second = try DeliveryStore.openForWriting(path: s.store.path)
        let next = SyncCursor.fullRead(nextLink: Self.link + "?$skiptoken=3", startedAt: Self.startedAt)
        // Pages that cannot be read (a proxy's HTML error page, a page cut short) change nothing, the cursor included.
        let html = Array("<html><body>502 Bad Gateway</body></html>".utf8)
        #expect(throws: ImportError.self) {
            try second.applySyncPage(html, table: .deliveries, source: Self.link + "?$skiptoken=2", cursor: next, now: Self.now)
        }
        let truncated = Array(SyncPages.page(.deliveries, Array(service[40..<60])).prefix(3000))
        #expect(throws: ImportError.self) {
            try second.applySyncPage(truncated, table: .deliveries, source: "page 3", cursor: next, now: Self.now)
        }
        // The next process reads the saved cursor and goes on from its link.
        #expect(try second.syncCursor(for: .deliveries) == .fullRead(nextLink: Self.link + "?$skiptoken=2", startedAt: Self.startedAt))
        #expect(try second.syncStatus()?.fullReadUnderWay == [.deliveries])
        #expect(try second.syncStatus()?.rowsByTable[.deliveries] == 40)
        let rest = try Self.fullRead(service, into: second, size: 20, skipping: 2)
        #expect(rest.count == 3)
        #expect(rest.last?.endedFullRead == true && rest.last?.deletedAsUnseen == 0)
        #expect(rest.map(\.summary.deliveries.inserted).reduce(0, +) == 60)
        #expect(try Self.json(s) == Self.json(try Self.freshImport(service)))
        #expect(try second.syncStatus()?.rowsByTable[.deliveries] == 100)
    }

    @Test func aFullReadStartedAgainDeletesWhatOnlyTheAbandonedReadSaw() throws {
        let s = try MXStore()
        // A first full read sees rows 1...40, two pages in, then its paging link stops working.
        let earlier = Self.service(40)
        for i in 0..<2 {
            try s.store.applySyncPage(SyncPages.page(.deliveries, Array(earlier[(i * 20)..<(i * 20 + 20)])), table: .deliveries,
                                      source: "page \(i + 1)",
                                      cursor: .fullRead(nextLink: Self.link + "?$skiptoken=\(i + 1)", startedAt: Self.startedAt),
                                      now: Self.now)
        }
        // The sync forgets the cursor and reads again; meanwhile the service deleted rows 31...40.
        try s.store.resetSyncCursor(for: .deliveries)
        #expect(try s.store.syncCursor(for: .deliveries) == nil)
        let service = Array(earlier.prefix(30))
        let again = try Self.fullRead(service, into: s.store, size: 20, startedAt: MX.instant("2026-11-10T12:00:00Z"))
        #expect(again.last?.deletedAsUnseen == 10)
        #expect(try Self.json(s) == Self.json(try Self.freshImport(service)))
    }

    @Test func deltaPagesAfterAFullReadDeleteNothingUnseenAndPollingNeverDeletes() throws {
        let s = try MXStore()
        _ = try Self.fullRead(Self.service(20), into: s.store, size: 10)
        let change = SyncPages.page(.deliveries, [Self.service(21)[20]])
        let delta = try s.store.applySyncPage(change, table: .deliveries, source: "delta",
                                              cursor: .delta(deltaLink: Self.link + "?$deltatoken=9"), now: Self.now)
        #expect(!delta.endedFullRead && delta.deleted == 0 && delta.summary.deliveries.inserted == 1)
        #expect(try s.compute().totalDeliveries == 21)

        // A table without change tracking: polling upserts and never deletes; the status says deletions are not seen.
        let queues: [[String: Any]] = [["queueid": "q-0", "name": "Zero"], ["queueid": "q-1", "name": "One"]]
        try s.store.applySyncPage(SyncPages.page(.queues, queues), table: .queues, source: "queues",
                                  cursor: .polling(since: Self.now), now: Self.now)
        try s.store.applySyncPage(SyncPages.page(.queues, [queues[0]]), table: .queues, source: "queues",
                                  cursor: .polling(since: Self.now), now: Self.now)
        #expect(try s.compute().byQueue.map(\.name).sorted() == ["One", "Zero"])
        let status = try #require(try s.store.syncStatus())
        #expect(status.deletionsVisible == [.deliveries: true, .queues: false])
        #expect(status.cursorKindByTable == [.deliveries: "delta", .queues: "polling"])
    }

    @Test func aFullReadOfConfigurationsDeletesTheOnesItDidNotSee() throws {
        let s = try MXStore()
        try s.write(configurations: [Configuration(id: "cfg-9", name: "Gone")])
        let configs: [[String: Any]] = [
            ["msdyn_proactive_engagement_configid": "cfg-0", "msdyn_name": "Zero", "statecode": 0, "msdyn_priority": 1],
            ["msdyn_proactive_engagement_configid": "cfg-1", "msdyn_name": "One", "statecode": 1, "msdyn_priority": 3],
        ]
        let outcome = try s.store.applySyncPage(SyncPages.page(.configurations, configs), table: .configurations,
                                                source: "configs", cursor: .delta(deltaLink: SyncPages.org + "c?$deltatoken=1"),
                                                now: Self.now)
        #expect(outcome.endedFullRead && outcome.deletedAsUnseen == 1 && outcome.summary.configurations.deleted == 1)
        let names = try s.store.read { db in try String.fetchAll(db, sql: "SELECT name FROM configurations ORDER BY id") }
        #expect(names == ["Zero", "One"])
    }

    @Test func pagesAppliedTogetherInOneTransactionEndAsPagesAppliedOneByOne() throws {
        let s = try MXStore()
        let old = try MXStore()
        try Data(SyncPages.page(.deliveries, Self.service(50, modified: "2026-11-07T10:00:00Z"))).write(to: URL(fileURLWithPath: s.folder.path + "/old.json"))
        for store in [s, old] { #expect(FileImporter.importFile(s.folder.path + "/old.json", into: store.store, now: Self.now).error == nil) }
        let service = Array(Self.service(70).suffix(45))
        _ = try Self.fullRead(service, into: old.store, size: 10)
        let pages = stride(from: 0, to: service.count, by: 10).map { start -> SyncPage in
            let last = start + 10 >= service.count
            return SyncPage(bytes: SyncPages.page(.deliveries, Array(service[start..<min(start + 10, service.count)])), source: "p\(start)",
                            cursor: last ? .delta(deltaLink: Self.link + "?$deltatoken=4")
                                : .fullRead(nextLink: Self.link + "?$skiptoken=\(start + 10)", startedAt: Self.startedAt))
        }
        // A batch with a page it cannot read applies nothing.
        var broken = pages
        broken[2].bytes = Array(broken[2].bytes.dropLast(2))
        #expect(throws: ImportError.self) { try s.store.applySyncPages(broken, table: .deliveries, now: Self.now) }
        #expect(try s.store.syncCursor(for: .deliveries) == nil)
        let outcome = try s.store.applySyncPages(pages, table: .deliveries, now: Self.now)
        #expect(outcome.rows == 45 && outcome.endedFullRead && outcome.deletedAsUnseen == 25)
        #expect(try Self.json(s) == Self.json(old))
        #expect(try Self.json(s) == Self.json(try Self.freshImport(service)))
    }

    @Test func aStreamOfPagesCommitsInTransactionsAndAFailureKeepsTheCommittedOnes() throws {
        let service = Self.service(60)
        func page(_ i: Int, bytes: [UInt8]? = nil) -> SyncPage {
            let last = i == 5
            return SyncPage(bytes: bytes ?? SyncPages.page(.deliveries, Array(service[(i * 10)..<(i * 10 + 10)])), source: "p\(i)",
                            cursor: last ? .delta(deltaLink: Self.link + "?$deltatoken=1")
                                : .fullRead(nextLink: Self.link + "?$skiptoken=\(i + 1)", startedAt: Self.startedAt))
        }
        // Transactions of at most 20 entries; the fourth page is cut short: the first two transactions stay.
        let s = try MXStore()
        var i = 0
        #expect(throws: ImportError.self) {
            try s.store.applySyncPages(table: .deliveries, now: Self.now, policy: SyncCommitPolicy(maxEntries: 20, maxSeconds: 60)) { _ in
                defer { i += 1 }
                guard i < 6 else { return nil }
                return i == 4 ? page(i, bytes: Array("{\"value\": [".utf8)) : page(i)
            }
        }
        #expect(try s.store.syncCursor(for: .deliveries) == .fullRead(nextLink: Self.link + "?$skiptoken=4", startedAt: Self.startedAt))
        #expect(try s.compute().totalDeliveries == 40)
        // The next round resumes from the saved link.
        i = 4
        let rest = try s.store.applySyncPages(table: .deliveries, now: Self.now, policy: SyncCommitPolicy(maxEntries: 20, maxSeconds: 60)) { _ in
            defer { i += 1 }
            return i < 6 ? page(i) : nil
        }
        #expect(rest.transactions == 1 && rest.rows == 20 && rest.endedFullRead)
        #expect(try Self.json(s) == Self.json(try Self.freshImport(service)))
        // One stream, one transaction a page.
        let t = try MXStore()
        i = 0
        let all = try t.store.applySyncPages(table: .deliveries, now: Self.now, policy: SyncCommitPolicy(maxEntries: 1, maxSeconds: 60)) { _ in
            defer { i += 1 }
            return i < 6 ? page(i) : nil
        }
        #expect(all.transactions == 6 && all.summary.deliveries.inserted == 60)
        #expect(try Self.json(t) == Self.json(s))
    }

    /// `next` is told the age of the transaction a page would join (none between transactions) and the cost of the
    /// last transaction's end: the sync's patience is measured per transaction, not from the call's start.
    @Test func eachPageRequestCarriesItsTransactionsAgeAndTheLastEnd() throws {
        let service = Self.service(60)
        let s = try MXStore()
        var requests: [SyncPageRequest] = []
        var i = 0
        let outcome = try s.store.applySyncPages(table: .deliveries, now: Self.now, policy: SyncCommitPolicy(maxEntries: 20, maxSeconds: 60)) { request in
            requests.append(request)
            defer { i += 1 }
            guard i < 6 else { return nil }
            return SyncPage(bytes: SyncPages.page(.deliveries, Array(service[(i * 10)..<(i * 10 + 10)])), source: "p\(i)",
                            cursor: i == 5 ? .delta(deltaLink: Self.link + "?$deltatoken=1")
                                : .fullRead(nextLink: Self.link + "?$skiptoken=\(i + 1)", startedAt: Self.startedAt))
        }
        // Pages 0-1, 2-3 and 4-5 share a transaction: asked for with no transaction open, then from inside it.
        #expect(outcome.transactions == 3 && requests.count == 7)
        #expect(requests.map { $0.transactionAge == nil } == [true, false, true, false, true, false, true])
        #expect(requests[0].lastEndSeconds == nil && requests[1].lastEndSeconds == nil)
        // The reading asks for the next transaction's pages while the last one ends: the first end's cost may not be
        // known to requests 2 and 3, but the second transaction's batches waited for it, so request 4 knows it.
        for k in 4..<7 { #expect((requests[k].lastEndSeconds ?? -1) >= 0) }
        #expect(requests.compactMap(\.transactionAge).allSatisfy { $0 >= 0 && $0 < 60 })
        #expect((outcome.lastEndSeconds ?? -1) >= 0)
    }
}
