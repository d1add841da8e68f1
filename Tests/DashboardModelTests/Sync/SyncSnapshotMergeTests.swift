import Foundation
import GRDB
import Testing
@testable import DashboardModel

/// A sync call of many transactions keeps `slot_counts` whole in memory after a transaction that wrote the snapshot
/// whole, and the next one writes its snapshot by merging its changes into that (`AggregateSnapshotWriter.merge`)
/// instead of reading the table back. The snapshot must still be exactly the table, after inserts, updates that
/// move a delivery to another slot or combination, and deletions; and a merge that would leave the snapshot's
/// 32 bits writes nothing.
@Suite struct SyncSnapshotMergeTests {
    static let link = SyncPages.org + "msdyn_proactive_deliveries"

    /// The snapshot's rows against the table's, both sorted by (slot, combo).
    static func snapshotIsTheTable(_ s: MXStore) throws -> Bool {
        try s.store.read { db in
            guard let snapshot = try Row.fetchOne(db, sql: "SELECT slots, combos, counts, row_count FROM aggregate_snapshot WHERE id = 1")
            else { return false }
            func ints(_ data: Data) -> [Int32] {
                data.withUnsafeBytes { raw in (0..<(data.count / 4)).map { Int32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: Int32.self)) } }
            }
            let slots = ints(snapshot["slots"]), combos = ints(snapshot["combos"]), counts = ints(snapshot["counts"])
            let rows = try Row.fetchAll(db, sql: "SELECT slot, combo, n FROM slot_counts ORDER BY slot, combo")
            let generation = try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'generation'")
            let snapshotGeneration = try Int64.fetchOne(db, sql: "SELECT generation FROM aggregate_snapshot WHERE id = 1")
            return generation == snapshotGeneration && snapshot["row_count"] == rows.count && slots.count == rows.count
                && zip(rows, zip(slots, zip(combos, counts))).allSatisfy { row, s in
                    (row["slot"] as Int64) == Int64(s.0) && (row["combo"] as Int64) == Int64(s.1.0) && (row["n"] as Int64) == Int64(s.1.1)
                }
        }
    }

    /// `pages` applied in one call, `perTransaction` entries a transaction; the last page's cursor is `last`.
    static func apply(_ pages: [[[String: Any]]], to store: DeliveryStore, perTransaction: Int, last: SyncCursor,
                      fullRead: Bool) throws -> SyncPageOutcome {
        var i = 0
        return try store.applySyncPages(table: .deliveries, now: SyncFullReadTests.now,
                                        policy: SyncCommitPolicy(maxEntries: perTransaction, maxSeconds: 60)) { _ in
            defer { i += 1 }
            guard i < pages.count else { return nil }
            let cursor: SyncCursor = i == pages.count - 1 ? last
                : fullRead ? .fullRead(nextLink: Self.link + "?$skiptoken=\(i + 1)", startedAt: SyncFullReadTests.startedAt)
                : .delta(deltaLink: Self.link + "?$deltatoken=round-\(i)")
            return SyncPage(bytes: SyncPages.page(.deliveries, pages[i]), source: "p\(i)", cursor: cursor)
        }
    }

    @Test func aFullReadAndADeltaRoundOfManyTransactionsLeaveTheSnapshotExactlyTheTable() throws {
        let s = try MXStore(snapshotRewriteThreshold: 0)  // every transaction writes the snapshot whole
        var rows = SyncFullReadTests.service(60)
        let read = try Self.apply(stride(from: 0, to: 60, by: 10).map { Array(rows[$0..<($0 + 10)]) }, to: s.store,
                                  perTransaction: 20, last: .delta(deltaLink: Self.link + "?$deltatoken=0"), fullRead: true)
        #expect(read.transactions == 3 && read.summary.deliveries.inserted == 60)
        #expect(try Self.snapshotIsTheTable(s))

        // A round: ten deliveries move to another day and status (new slots and combinations, old ones emptied),
        // five are deleted, ten are new; three transactions, each merging into the one before.
        var moved: [[String: Any]] = []
        for k in 1...10 {
            let row = SyncPages.delivery(row: SyncPages.guid(k, prefix: 0xa0), id: "dlv-\(k)", created: "2026-11-09T23:45:00Z",
                                         status: "Cancelled", modified: "2026-11-09T10:00:00Z", config: "cfg-new", queue: "q-\(k % 2)")
            moved.append(row)
            rows[k - 1] = row
        }
        let gone = (11...15).map { SyncPages.guid($0, prefix: 0xa0) }
        let added = (61...70).map { k in
            SyncPages.delivery(row: SyncPages.guid(k, prefix: 0xa0), id: "dlv-\(k)", created: "2026-11-0\(1 + k % 7)T0\(k % 10):15:00Z",
                               status: "Complete", modified: "2026-11-09T10:00:00Z", result: "CallEnded", dial: "Predictive",
                               config: "cfg-\(k % 3)", queue: "q-\(k % 2)")
        }
        let round = try Self.apply([moved, gone.map { SyncPages.deleted(.deliveries, $0) }, added], to: s.store,
                                   perTransaction: 5, last: .delta(deltaLink: Self.link + "?$deltatoken=1"), fullRead: false)
        #expect(round.transactions == 3)
        #expect(round.summary.deliveries.deleted == 5 && round.summary.deliveries.inserted == 10)
        #expect(try Self.snapshotIsTheTable(s))
        let remaining = rows.enumerated().filter { !(10...14).contains($0.offset) }.map(\.element) + added
        #expect(try SyncFullReadTests.json(s) == SyncFullReadTests.json(try SyncFullReadTests.freshImport(remaining)))
    }

    @Test func mergeAddsChangesInKeyOrderAndRefusesValuesBeyondTheSnapshot() throws {
        let s = try MXStore()
        let kept = AggregateSnapshotWriter.WholeTable(slots: [10, 10, 12, 20], combos: [1, 3, 2, 1], counts: [5, 1, 2, 7])
        let changes: [(slot: Int64, combo: Int64, delta: Int64)] = [(9, 4, 3), (10, 2, 1), (10, 3, -1), (20, 1, 2), (21, 1, 1)]
        let merged = try s.store.pool.write { db in
            try AggregateSnapshotWriter.merge(db, generation: 5, into: kept, changes)
        }
        #expect(merged?.slots == [9, 10, 10, 10, 12, 20, 21])
        #expect(merged?.combos == [4, 1, 2, 3, 2, 1, 1])
        #expect(merged?.counts == [3, 5, 1, 0, 2, 9, 1])  // a count taken to 0 stays a row, as in the table
        let saved = try s.store.read { db in try AggregateSnapshot.load(db) }
        #expect(saved?.generation == 5)
        #expect(saved?.combos == [4, 1, 2, 3, 2, 1, 1] && saved?.counts == [3, 5, 1, 0, 2, 9, 1])
        // A count below zero or past 32 bits, or a combination out of range: nil, and the snapshot is untouched.
        for bad: (slot: Int64, combo: Int64, delta: Int64) in [(12, 2, -3), (10, 1, Int64(Int32.max)), (13, 0, 1), (13, Int64(Int32.max) + 1, 1)] {
            let refused = try s.store.pool.write { db in try AggregateSnapshotWriter.merge(db, generation: 6, into: kept, [bad]) }
            #expect(refused == nil, "\(bad)")
        }
        #expect(try s.store.read { db in try AggregateSnapshot.generation(db) } == 5)
    }
}
