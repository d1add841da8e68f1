import Foundation
import GRDB
import Testing
@testable import DashboardModel

/// The persisted aggregate snapshot (`aggregate_snapshot`): an index that starts from it, with later batches
/// applied on top, must equal an index loaded row by row from `slot_counts`; stores without one still load;
/// large batches rewrite it, small ones do not.
@Suite struct AggregateSnapshotTests {
    /// A throw-away store in its own temp folder.
    private final class TempStore {
        let folder: URL
        let path: String
        var store: DeliveryStore

        init() throws {
            folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("proactive-snapshot-tests-\(UUID().uuidString)", isDirectory: true)
            path = folder.appendingPathComponent("store.sqlite").path
            store = try DeliveryStore.openForWriting(path: path)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func write(_ deliveries: [Delivery], now: Int64 = SnapshotWorld.now) throws {
            try store.write(now: Date(timeIntervalSince1970: TimeInterval(now))) { w in
                for d in deliveries { try w.upsert(d) }
            }
        }

        /// (generation, row_count) of the snapshot, nil when there is none.
        func snapshotHeader() throws -> (generation: Int64, rows: Int)? {
            try store.read { db in
                try Row.fetchOne(db, sql: "SELECT generation, row_count FROM aggregate_snapshot WHERE id = 1")
                    .map { ($0["generation"], $0["row_count"]) }
            }
        }

        func slotRowCount() throws -> Int {
            try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM slot_counts") ?? 0 }
        }

        func index(snapshot: Bool) throws -> AggregateIndex {
            let index = AggregateIndex(store: store)
            index.usesSnapshot = snapshot
            try index.refresh()
            return index
        }
    }

    /// Deterministic deliveries over three weeks, many combinations.
    private struct SnapshotWorld {
        static let now: Int64 = 1_794_744_000  // 2026-11-14T12:00:00Z
        static let start: Int64 = now - 21 * 86_400
        static let statuses = ["Pending", "InProcess", "Complete", "Cancelled"]
        static let results = ["", "CallEnded", "NoAnswer", "Busy"]
        var state: UInt64 = 0x5A_4A_5B07

        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }

        mutating func delivery(_ id: Int, created: Int64? = nil, modified: Int64? = nil) -> Delivery {
            let status = Self.statuses[next(Self.statuses.count)]
            return Delivery(deliveryId: "d\(id)", createdOn: created ?? Self.start + Int64(next(21 * 86_400)),
                            modifiedOn: modified, status: status,
                            result: status == "Complete" ? Self.results[1 + next(3)] : "",
                            dialMode: ["", "Progressive", "Predictive"][next(3)], configId: "C\(next(4))",
                            queueId: "Q\(next(3))", channel: next(5) == 0 ? "SMS" : "Voice")
        }
    }

    private static let filterStates: [DashboardFilters] = [
        DashboardFilters(range: .all, timeZone: "UTC", selections: [:]),
        DashboardFilters(range: .lastDays(7), timeZone: "Asia/Kathmandu", selections: [:]),
        DashboardFilters(range: .lastDays(30), timeZone: "America/New_York", selections: [.queue: ["Q1"]]),
        DashboardFilters(range: .all, timeZone: "Asia/Kolkata",
                         selections: [.status: ["Complete"], .configuration: ["C0", "C2"]]),
        DashboardFilters(range: .lastDays(1), timeZone: "UTC", selections: [.channel: ["SMS"]]),
    ]

    private static func expectSame(_ a: AggregateIndex, _ b: AggregateIndex, _ context: String,
                                   sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.rowSlot == b.rowSlot, "slots, \(context)", sourceLocation: sourceLocation)
        #expect(a.rowCombo == b.rowCombo, "combos, \(context)", sourceLocation: sourceLocation)
        #expect(a.rowCount == b.rowCount, "counts, \(context)", sourceLocation: sourceLocation)
        #expect(a.allTime == b.allTime, "all-time totals, \(context)", sourceLocation: sourceLocation)
        #expect(a.generation == b.generation, "generation, \(context)", sourceLocation: sourceLocation)
        let now = Date(timeIntervalSince1970: TimeInterval(SnapshotWorld.now))
        for (k, filters) in filterStates.enumerated() {
            #expect(MetricsEngine.compute(index: a, filters: filters, now: now)
                        == MetricsEngine.compute(index: b, filters: filters, now: now),
                    "filter state \(k), \(context)", sourceLocation: sourceLocation)
        }
    }

    @Test func snapshotPlusLaterBatchesEqualsTheRowByRowLoad() throws {
        let s = try TempStore()
        var world = SnapshotWorld()
        var nextId = 0
        var initial: [Delivery] = []
        for _ in 0..<600 { initial.append(world.delivery(nextId)); nextId += 1 }
        try s.write(initial)  // the first batch with slot rows writes the snapshot
        let header = try #require(try s.snapshotHeader())
        #expect(header.rows == (try s.slotRowCount()))
        #expect(header.rows > 100)

        let live = try s.index(snapshot: true)  // loaded from the snapshot, then refreshed batch by batch
        #expect(live.snapshotGeneration == header.generation)
        Self.expectSame(live, try s.index(snapshot: false), "right after the snapshot")

        for batch in 0..<6 {
            var records: [Delivery] = []
            // Newer versions of earlier deliveries (their counts move between combinations and slots).
            for _ in 0..<3 {
                let id = world.next(nextId)
                records.append(world.delivery(id, modified: SnapshotWorld.now + Int64(batch * 60 + records.count)))
            }
            // New deliveries: in existing slots, in a new slot before all rows, and in a new slot after all rows.
            records.append(world.delivery(nextId)); nextId += 1
            records.append(world.delivery(nextId, created: SnapshotWorld.start - 86_400 * Int64(batch + 1))); nextId += 1
            records.append(world.delivery(nextId, created: SnapshotWorld.now - 600 + Int64(batch * 900))); nextId += 1
            try s.write(records)
            #expect(try s.snapshotHeader()?.generation == header.generation, "a small batch leaves the snapshot")
            try live.refresh()
            let fromSnapshot = try s.index(snapshot: true)
            #expect(fromSnapshot.snapshotGeneration == header.generation)
            #expect(fromSnapshot.generation > header.generation)
            let rowByRow = try s.index(snapshot: false)
            Self.expectSame(fromSnapshot, rowByRow, "fresh indexes after batch \(batch)")
            Self.expectSame(live, rowByRow, "refreshed index after batch \(batch)")
        }
        #expect(try s.store.generation() > header.generation)
    }

    @Test func aStoreWithoutASnapshotStillLoads() throws {
        let s = try TempStore()
        var world = SnapshotWorld()
        try s.write((0..<200).map { world.delivery($0) })
        let expected = try s.index(snapshot: false)

        // No snapshot row.
        try s.store.pool.write { db in try db.execute(sql: "DELETE FROM aggregate_snapshot") }
        let noRow = try s.index(snapshot: true)
        #expect(noRow.snapshotGeneration == nil)
        Self.expectSame(noRow, expected, "no snapshot row")

        // An older store: no snapshot table, no record of the migration.
        try s.store.pool.write { db in
            try db.execute(sql: "DROP TABLE aggregate_snapshot")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v2-aggregate-snapshot'")
        }
        let old = try DeliveryStore.openForReading(path: s.path)
        let oldIndex = AggregateIndex(store: old)
        try oldIndex.refresh()
        #expect(oldIndex.snapshotGeneration == nil)
        Self.expectSame(oldIndex, expected, "no snapshot table")

        // Opened for writing, the older store gets its snapshot, and loads from it.
        s.store = try DeliveryStore.openForWriting(path: s.path)
        let header = try #require(try s.snapshotHeader())
        #expect(header.generation == (try s.store.generation()))
        #expect(header.rows == (try s.slotRowCount()))
        let migrated = try s.index(snapshot: true)
        #expect(migrated.snapshotGeneration == header.generation)
        Self.expectSame(migrated, expected, "snapshot written by the migration")
    }

    @Test func aLargeBatchRewritesTheSnapshotASmallOneDoesNot() throws {
        let s = try TempStore()
        var world = SnapshotWorld()
        try s.write((0..<50).map { world.delivery($0) })
        let first = try #require(try s.snapshotHeader())
        #expect(first.generation == 1)

        // Small batches, default threshold: the snapshot stays.
        try s.write([world.delivery(1000), world.delivery(3, modified: SnapshotWorld.now)])
        #expect(try s.snapshotHeader()?.generation == first.generation)
        #expect(try s.store.generation() == 2)

        // The same store, opened again with a rewrite threshold of 20 changed slot rows.
        s.store = try DeliveryStore.openForWriting(path: s.path, snapshotRewriteThreshold: 20)
        #expect(s.store.snapshotRewriteThreshold == 20)

        // Still small (at most 4 slot rows change): kept.
        try s.write([world.delivery(1001), world.delivery(5, modified: SnapshotWorld.now + 1)])
        #expect(try s.snapshotHeader()?.generation == first.generation)

        // Large (one new delivery in each of 40 distinct new slots): rewritten, whole.
        let large = (0..<40).map { k in world.delivery(2000 + k, created: SnapshotWorld.start - 86_400 - Int64(k) * 900) }
        try s.write(large)
        let rewritten = try #require(try s.snapshotHeader())
        #expect(rewritten.generation == 4)
        #expect(try s.store.generation() == 4)
        #expect(rewritten.rows == (try s.slotRowCount()))
        let reloaded = try s.index(snapshot: true)
        #expect(reloaded.snapshotGeneration == 4)
        Self.expectSame(reloaded, try s.index(snapshot: false), "after the rewrite")
    }

    /// A bulk import into a store without counts writes its slot rows with generation 0 (outside the generation
    /// index): an index opened before it, on the empty store, must start again from the new snapshot; rows changed
    /// by later batches carry their generation and are applied on top.
    @Test func anIndexOpenedOnAnEmptyStoreSeesABulkImportWhole() throws {
        let s = try TempStore()
        var world = SnapshotWorld()
        let early = try s.index(snapshot: true), earlyRowByRow = try s.index(snapshot: false)
        #expect(early.rowCountTotal == 0)

        try s.write((0..<400).map { world.delivery($0) })
        let newer = try s.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM slot_counts WHERE generation > 0") }
        #expect(newer == 0, "the bulk rows are left to the snapshot")
        try early.refresh()
        try earlyRowByRow.refresh()
        #expect(early.rowCountTotal > 100)
        Self.expectSame(early, try s.index(snapshot: false), "snapshot index refreshed after the bulk import")
        Self.expectSame(earlyRowByRow, try s.index(snapshot: false), "row-by-row index refreshed after the bulk import")

        // A later small batch: its rows carry its generation, found through the partial index.
        try s.write([world.delivery(7, modified: SnapshotWorld.now + 5), world.delivery(5000)])
        let changed = try s.store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM slot_counts INDEXED BY slot_counts_by_generation WHERE generation > 0")
        }
        #expect((1...3).contains(changed ?? 0))
        try early.refresh()
        #expect(early.snapshotGeneration == 1)
        Self.expectSame(early, try s.index(snapshot: false), "after a small batch on top of the bulk import")
    }
}
