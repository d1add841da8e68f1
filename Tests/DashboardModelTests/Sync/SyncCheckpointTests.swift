import Foundation
import GRDB
import Testing
@testable import DashboardModel

/// A sync's large transactions are checkpointed on a thread of their own (`WALCheckpointer`), and the first read's
/// index on created is built in a transaction after its last rows: the store ends as before, with its pages in the
/// file, and the writer's connection checkpoints by itself again afterwards.
@Suite struct SyncCheckpointTests {
    static let link = SyncPages.org + "msdyn_proactive_deliveries"

    /// Six pages of ten deliveries as one full read, two pages a transaction.
    static func read(into store: DeliveryStore, backgroundCheckpointEntries: Int) throws -> SyncPageOutcome {
        let service = SyncFullReadTests.service(60)
        var i = 0
        return try store.applySyncPages(table: .deliveries, now: SyncFullReadTests.now,
                                        policy: SyncCommitPolicy(maxEntries: 20, maxSeconds: 60),
                                        backgroundCheckpointEntries: backgroundCheckpointEntries) { _ in
            defer { i += 1 }
            guard i < 6 else { return nil }
            return SyncPage(bytes: SyncPages.page(.deliveries, Array(service[(i * 10)..<(i * 10 + 10)])), source: "p\(i)",
                            cursor: i == 5 ? .delta(deltaLink: Self.link + "?$deltatoken=1")
                                : .fullRead(nextLink: Self.link + "?$skiptoken=\(i + 1)", startedAt: SyncFullReadTests.startedAt))
        }
    }

    /// The store file's size against the pages the database has: equal once every page is checkpointed into it.
    static func fileHoldsEveryPage(_ s: MXStore) throws -> Bool {
        let (pages, size) = try s.store.pool.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0, try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0)
        }
        let bytes = try FileManager.default.attributesOfItem(atPath: s.store.path)[.size] as? Int ?? 0
        return pages > 0 && bytes >= pages * size
    }

    @Test func largeTransactionsAreCheckpointedBesideTheWriterAndTheStoreEndsTheSame() throws {
        let s = try MXStore()
        let outcome = try Self.read(into: s.store, backgroundCheckpointEntries: 1)
        #expect(outcome.transactions == 3 && outcome.endedFullRead && outcome.summary.deliveries.inserted == 60)
        // Checkpointed before the call returned: the pages (the index's too) are in the file.
        #expect(try Self.fileHoldsEveryPage(s))
        #expect(try s.store.pool.read { db in try CreatedIndex.isPresent(db) })
        // The writer's connection checkpoints by itself again.
        #expect(try s.store.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") } == DeliveryStore.autocheckpointPages)
        // The same store as a read whose commits checkpoint (here: not at all, the WAL being small).
        let plain = try MXStore()
        try Self.read(into: plain.store, backgroundCheckpointEntries: .max)
        #expect(try !Self.fileHoldsEveryPage(plain))
        #expect(try plain.store.pool.read { db in try CreatedIndex.isPresent(db) })
        #expect(try SyncFullReadTests.json(s) == SyncFullReadTests.json(plain))
        #expect(try SyncFullReadTests.json(s) == SyncFullReadTests.json(try SyncFullReadTests.freshImport(SyncFullReadTests.service(60))))
    }

    @Test func aCheckpointerFinishesWhatWasAskedAndEnds() throws {
        let s = try MXStore()
        try SyncFullReadTests.fullRead(SyncFullReadTests.service(30), into: s.store, size: 30)
        #expect(try !Self.fileHoldsEveryPage(s))
        let checkpointer = try WALCheckpointer(path: s.store.path)
        checkpointer.request()
        checkpointer.request()
        checkpointer.finish()
        #expect(checkpointer.runs >= 1 && checkpointer.lastFailure == nil)
        #expect(try Self.fileHoldsEveryPage(s))
        // Nothing asked: it ends at once.
        let idle = try WALCheckpointer(path: s.store.path)
        idle.finish()
        #expect(idle.runs == 0)
    }
}

@Suite struct PageBuffersTests {
    @Test func anArrayHandedBackIsTakenAgainWhenItFits() {
        let buffers = PageBuffers(keeping: 2)
        var page = buffers.take(capacity: 1_000_000)
        #expect(page.isEmpty && page.capacity >= 1_000_000)
        page.append(contentsOf: repeatElement(7, count: 1_000_000))
        let storage = page.withUnsafeBufferPointer { $0.baseAddress }
        buffers.give(&page)
        #expect(page.isEmpty && buffers.kept == 1)
        // A page a little larger still fits (an eighth to spare), and gets the same storage, empty.
        var again = buffers.take(capacity: 1_050_000)
        #expect(again.isEmpty && again.withUnsafeBufferPointer { $0.baseAddress } == storage && buffers.kept == 0)
        // A round's end lets them all go.
        buffers.give(&again)
        #expect(buffers.kept == 1)
        buffers.removeAll()
        #expect(buffers.kept == 0)
    }

    @Test func sharedSmallOrSurplusArraysAreNotKept() {
        let buffers = PageBuffers(keeping: 1)
        var shared = buffers.take(capacity: 500_000)
        shared.append(1)
        let other = shared  // another holder: emptying it would copy
        buffers.give(&shared)
        #expect(buffers.kept == 0 && other == [1])
        var small = [UInt8](repeating: 0, count: 1000)
        buffers.give(&small)
        #expect(buffers.kept == 0)
        var a = buffers.take(capacity: 500_000), b = buffers.take(capacity: 500_000)
        buffers.give(&a)
        buffers.give(&b)
        #expect(buffers.kept == 1)
        // A much smaller answer does not take a page's array (it would not give it back).
        let tiny = buffers.take(capacity: 200_000)
        #expect(buffers.kept == 1 && tiny.capacity >= 200_000)
    }
}
