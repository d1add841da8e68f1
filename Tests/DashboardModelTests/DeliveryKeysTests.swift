import Foundation
import GRDB
import Testing
@testable import DashboardModel

/// Deliveries keyed apart from their rows (`delivery_keys`, migration `v10-delivery-keys`): new rows are numbered in
/// the order written, every key leads to its delivery, and a store written before keeps its rows where they are.
@Suite struct DeliveryKeysTests {
    /// (key, row, delivery id) of every key, in key order.
    static func keys(_ store: DeliveryStore) throws -> [(key: Int64, row: Int64, id: String)] {
        try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT k.key, k.row, d.delivery_id FROM delivery_keys k JOIN deliveries d ON d.id = k.row ORDER BY k.key
                """).map { ($0[0], $0[1], $0[2]) }
        }
    }

    static func rowCount(_ store: DeliveryStore) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM deliveries") ?? -1 }
    }

    @Test func newRowsAreNumberedInTheOrderWrittenAndEveryKeyLeadsToItsDelivery() throws {
        let s = try MXStore()
        // 200 new deliveries: chunks of 64 and a tail, in an empty store.
        try s.write(deliveries: (0..<200).map { MX.d("k\($0)", "2026-11-05T10:00:00Z") })
        var keys = try Self.keys(s.store)
        #expect(keys.count == 200)
        #expect(Set(keys.map(\.row)) == Set(1...200))
        #expect(keys.allSatisfy { $0.key == StableHash.of($0.id) })
        // Then 100 new ones beside 50 newer versions of stored ones: the new rows follow, the stored keep theirs.
        let before = Dictionary(uniqueKeysWithValues: keys.map { ($0.id, $0.row) })
        let summary = try s.write(deliveries: (150..<300).map {
            MX.d("k\($0)", "2026-11-05T10:00:00Z", "Complete", result: "CallEnded", modified: "2026-11-05T11:00:00Z")
        })
        #expect(summary.deliveries.inserted == 100 && summary.deliveries.updated == 50)
        keys = try Self.keys(s.store)
        #expect(keys.count == 300 && Set(keys.map(\.row)) == Set(1...300))
        for key in keys where before[key.id] != nil { #expect(key.row == before[key.id]) }
        #expect(try Self.rowCount(s.store) == 300)
        #expect(try s.compute().mxStatus == ["Pending": 150, "Complete": 150])
    }

    @Test func anOlderStoreGetsAKeyPerRowAndItsDeliveriesAreUpdatedAndDeletedByTheirIds() throws {
        // A store as the version before left it: rows under their keys, with their slot counts.
        let created = MX.utc("2026-11-05T10:00:00Z")
        let old = ["old-1", "old-2"].map { (id: $0, key: StableHash.of($0)) }
        let path = try OlderStore.make("v9-store", upTo: "v9-snapshot-totals") { db in
            try db.execute(sql: """
                INSERT INTO combos(id, channel, queue_id, config_id, status, result, dial_mode, engagement_type, direction)
                VALUES (1, 'Voice', '', '', 'Pending', '', '', '', 0);
                INSERT INTO slot_counts(slot, combo, n, generation) VALUES (?, 1, 2, 1);
                UPDATE meta SET value = 1 WHERE key = 'generation';
                """, arguments: [TimeSlots.slot(of: created)])
            for row in old {
                try db.execute(sql: "INSERT INTO deliveries(id, delivery_id, created, modified, combo) VALUES (?, ?, ?, ?, 1)",
                               arguments: [row.key, row.id, created, created])
            }
        }
        let store = try DeliveryStore.openForWriting(path: path)
        #expect(try Self.keys(store).map { [$0.key, $0.row] } == old.map { [$0.key, $0.key] }.sorted { $0[0] < $1[0] })
        let update = try store.write(now: MX.instant(MX.defaultNow)) { w in
            try w.upsert(MX.d("old-1", "2026-11-05T10:00:00Z", "Complete", result: "CallEnded", modified: "2026-11-05T11:00:00Z"))
            try w.upsert(MX.d("new-1", "2026-11-05T10:00:00Z"))
        }
        #expect(update.deliveries.updated == 1 && update.deliveries.inserted == 1)
        let largest = old.map(\.key).max() ?? 0
        let newRow = try #require(try Self.keys(store).first { $0.id == "new-1" }?.row)
        // One past the largest row (or, were that Int64.max, a free one).
        #expect(largest == .max ? newRow != largest : newRow == largest + 1)
        #expect(try store.deleteDelivery(id: "old-2", now: MX.instant(MX.defaultNow)))
        #expect(try Self.keys(store).map(\.id).sorted() == ["new-1", "old-1"])
        #expect(try Self.rowCount(store) == 2)
    }

    @Test func rowsNumberedUpToInt64MaxLeaveNewDeliveriesAFreeNumberEach() throws {
        let s = try MXStore()
        try s.write(deliveries: [MX.d("first", "2026-11-05T10:00:00Z")])
        // A row at the largest number (as a store written before `delivery_keys` may hold, under its key).
        try s.store.write(now: MX.instant(MX.defaultNow)) { w in
            try w.db.execute(sql: "UPDATE deliveries SET id = ? WHERE delivery_id = 'first'", arguments: [Int64.max])
            try w.db.execute(sql: "UPDATE delivery_keys SET row = ?", arguments: [Int64.max])
        }
        let summary = try s.write(deliveries: (0..<150).map { MX.d("n\($0)", "2026-11-05T10:00:00Z") })
        #expect(summary.deliveries.inserted == 150)
        let keys = try Self.keys(s.store)
        #expect(keys.count == 151 && Set(keys.map(\.row)).count == 151)
        #expect(keys.allSatisfy { $0.key == StableHash.of($0.id) })
        #expect(try s.compute().totalDeliveries == 151)
        // And each is found again by its id.
        let again = try s.write(deliveries: (0..<150).map { MX.d("n\($0)", "2026-11-05T10:00:00Z", modified: "2026-11-05T12:00:00Z") })
        #expect(again.deliveries.updated == 150 && again.deliveries.inserted == 0)
    }
}
