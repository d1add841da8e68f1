import Foundation
import GRDB
import Testing

@testable import DashboardModel

/// A store altered by hand gives `StoreDamaged` ("store damaged: <what>") when it is opened and the dashboard's
/// data is built from it, never a trap; a writer that meets a damaged delivery row refuses the import the same way.
@Suite struct StoreDamageTests {
    /// A store with deliveries, a completion in the live window, a configuration and a queue.
    static func sample() throws -> MXStore {
        let s = try MXStore()
        try s.write(deliveries: [
            MX.d("d1", "2026-11-09T10:00:00Z"),
            MX.d("d2", "2026-11-10T10:00:00Z", "Complete", result: "CallEnded", modified: "2026-11-10T11:30:00Z"),
            MX.d("d3", "2026-11-10T10:15:00Z", "Expired"),
        ], configurations: [Configuration(id: "c1", name: "Payment Reminder")], queues: [Queue(id: "q1", name: "Collections")])
        return s
    }

    /// Each: the SQL that damages the store, and the start of what the error must say after `store damaged: `.
    static let damages: [(sql: String, what: String)] = [
        ("UPDATE meta SET value = 'abc' WHERE key = 'generation'", "meta.generation holds text, expected an integer"),
        ("UPDATE meta SET value = -1 WHERE key = 'generation'", "meta.generation holds -1, outside 0..."),
        ("UPDATE meta SET value = 1e30 WHERE key = 'changed_at'", "meta.changed_at holds a real number"),
        ("UPDATE meta SET value = 99999999999999 WHERE key = 'changed_at'", "meta.changed_at holds 99999999999999, outside"),
        ("UPDATE meta SET value = X'00' WHERE key = 'catalog_generation'", "meta.catalog_generation holds a blob"),
        ("UPDATE aggregate_snapshot SET row_count = -5", "aggregate_snapshot.row_count holds -5, outside 0..."),
        ("UPDATE aggregate_snapshot SET row_count = 4000000000", "aggregate_snapshot.row_count holds 4000000000"),
        ("UPDATE aggregate_snapshot SET row_count = row_count + 1", "aggregate_snapshot.slots holds"),
        ("UPDATE aggregate_snapshot SET generation = 'x'", "aggregate_snapshot.generation holds text"),
        ("UPDATE aggregate_snapshot SET slots = zeroblob(3)", "aggregate_snapshot.slots holds 3 bytes, expected"),
        ("UPDATE aggregate_snapshot SET combos = 7", "aggregate_snapshot.combos: "),
        ("UPDATE aggregate_snapshot SET combos = X'E7030000E7030000E7030000'", "aggregate_snapshot names combination 999"),
        ("UPDATE aggregate_snapshot SET counts = X'FFFFFFFFFFFFFFFFFFFFFFFF'", "aggregate_snapshot holds a negative count (-1)"),
        ("UPDATE aggregate_snapshot SET slots = X'FFFFFF7FFFFFFF7FFFFFFF7F'", "aggregate_snapshot holds slot 2147483647, outside"),
        // Three rows of one (slot, combination): the second is not after the first.
        ("UPDATE aggregate_snapshot SET slots = X'686B1E00686B1E00686B1E00', combos = X'010000000100000001000000'",
         "aggregate_snapshot rows are out of order at row 1"),
        ("INSERT INTO slot_counts VALUES (99999999999, 1, 1, 1000)", "slot_counts.slot holds 99999999999, outside"),
        ("INSERT INTO slot_counts VALUES (-3, 1, 1, 1000)", "slot_counts.slot holds -3, outside"),
        ("INSERT INTO slot_counts VALUES (1900000, 999, 1, 1000)", "slot_counts names combination 999, which combos does not hold"),
        ("INSERT INTO slot_counts VALUES (1900000, 1, -4, 1000)", "slot_counts.n holds -4, outside"),
        ("INSERT INTO slot_counts VALUES (1900000, 1, 'many', 1000)", "slot_counts.n holds text"),
        ("INSERT INTO slot_counts VALUES (1900000, 1, 3000000000, 1000)", "slot_counts.n holds 3000000000"),
        ("UPDATE recent_processed SET minute = -5", "recent_processed.minute holds -5, outside"),
        ("UPDATE recent_processed SET minute = 2.5", "recent_processed.minute holds a real number"),
        ("UPDATE recent_processed SET minute = 999999999999", "recent_processed.minute holds 999999999999, outside"),
        ("UPDATE recent_processed SET combo = 12345", "recent_processed names combination 12345"),
        ("UPDATE recent_processed SET n = 2147483648", "recent_processed.n holds 2147483648"),
        ("UPDATE combos SET direction = 7 WHERE id = 1", "combos.direction holds 7, outside 0...2"),
        ("UPDATE combos SET direction = 'out' WHERE id = 1", "combos.direction holds text"),
        ("INSERT INTO combos VALUES (9000000000, 'Voice', '', '', 'Parked', '', '', '', 0)", "combos.id holds 9000000000"),
    ]

    /// Runs the damaging SQL as someone with the sqlite3 shell would: no foreign keys enforced.
    static func damage(_ s: MXStore, _ sql: String) throws {
        try s.store.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: sql)
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
    }

    @Test func aDamagedStoreGivesTheTypedErrorWhenReadNeverATrap() throws {
        for damage in Self.damages {
            let s = try Self.sample()
            let recent = try s.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM recent_processed") }
            try #require(recent == 1, "the sample has a completion in the live window")
            try Self.damage(s, damage.sql)
            let error = try #require(throws: StoreDamaged.self, "\(damage.sql)") {
                let store = try DeliveryStore.openForReading(path: s.store.path)
                _ = try store.generation()
                let index = AggregateIndex(store: store)
                try index.refresh()
                _ = MetricsEngine.compute(index: index, filters: MX.filters(), now: MX.instant(MX.defaultNow))
            }
            #expect(error.description.hasPrefix("store damaged: " + damage.what), "\(damage.sql): \(error)")
        }
    }

    @Test func aDeletionThatMeetsADamagedRowThrows() throws {
        let s = try Self.sample()
        try Self.damage(s, "UPDATE deliveries SET created = 'early'")
        let before = try StoreDigest.of(s.store)
        let error = try #require(throws: StoreDamaged.self) { try s.store.deleteDelivery(id: "d1") }
        #expect(error.description == "store damaged: deliveries.created holds text, expected an integer")
        #expect(try StoreDigest.of(s.store) == before)
    }

    @Test func theUndamagedSampleReads() throws {
        let s = try Self.sample()
        let data = try s.compute()
        #expect(data.totalDeliveries == 3 && data.processed == 1)
        #expect(data.live?.throughputPerHour == 1)
    }

    @Test func aWriterThatMeetsADamagedRowRefusesTheImport() throws {
        let damages: [(sql: String, what: String)] = [
            ("UPDATE deliveries SET modified = 'late'", "deliveries.modified holds text, expected an integer"),
            ("UPDATE deliveries SET combo = 0", "deliveries.combo holds 0, outside 1..."),
            ("UPDATE meta SET value = 'x' WHERE key = 'generation'", "meta.generation holds text"),
            ("UPDATE combos SET direction = 3", "combos.direction holds 3, outside 0...2"),
        ]
        let newer = "msdyn_delivery_id,createdon,modifiedon,msdyn_status\nd1,2026-11-09T10:00:00Z,2026-11-10T09:00:00Z,InProcess\n"
        for damage in damages {
            let s = try Self.sample()
            try Self.damage(s, damage.sql)
            let before = try StoreDigest.of(s.store)
            let outcome: FileImporter.Outcome = try {
                // The writer's first reads happen as the store opens for writing or inside the import.
                let store = try DeliveryStore.openForWriting(path: s.store.path)
                return FileImporter.importFile(try importTempFile("d.csv", newer), into: store)
            }()
            #expect(outcome.error?.hasPrefix("store damaged: " + damage.what) == true, "\(damage.sql): \(outcome.error ?? "accepted")")
            #expect(try StoreDigest.of(s.store) == before)
        }
    }
}
