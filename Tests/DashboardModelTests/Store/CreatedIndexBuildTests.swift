import Foundation
import GRDB
import Testing
@testable import DashboardModel

/// The index on created is built by a sort in runs spilled to temporary files (`CreatedIndex.build`): the same index
/// as SQLite's sort in memory, the connection's settings as they were after, and a transaction whose temporary
/// database is in use still gets its index (in memory then).
@Suite struct CreatedIndexBuildTests {
    /// A deliveries table with the columns the index names, `count` rows with created times that repeat (so the
    /// key's second column decides), written in an order unrelated to created; settings as the store's writer has.
    static func table(count: Int) throws -> (DatabaseQueue, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("created-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: folder.appendingPathComponent("store.sqlite").path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: """
                PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;
                CREATE TABLE deliveries(id INTEGER PRIMARY KEY, created INTEGER NOT NULL, modified INTEGER NOT NULL,
                    combo INTEGER NOT NULL);
                """)
            try db.inTransaction {
                let insert = try db.makeStatement(sql: "INSERT INTO deliveries(id, created, modified, combo) VALUES (?, ?, ?, ?)")
                var state: UInt64 = 0x9E37_79B9_7F4A_7C15
                for id in 1...count {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    let created = Int64((state >> 33) % UInt64(count / 3))
                    try insert.execute(arguments: [id, created, created + Int64(id % 97), Int64((state >> 20) % 40)])
                }
                return .commit
            }
        }
        return (queue, folder)
    }

    static func entries(_ db: Database, _ source: String) throws -> [[Int64]] {
        try Row.fetchAll(db, sql: "SELECT created, id, combo, modified FROM deliveries \(source) ORDER BY created, id")
            .map { [$0[0], $0[1], $0[2], $0[3]] }
    }

    /// (Whether SQLite sorted in runs is not visible from here: the build's speed is measured, in the README.)
    @Test func theIndexHoldsEveryRowInKeyOrderAndTheConnectionsSettingsAreBack() throws {
        // About 40 bytes a sorted entry: 150,000 rows are more than one run of 4 MiB.
        let (queue, folder) = try Self.table(count: 150_000)
        defer { try? FileManager.default.removeItem(at: folder) }
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA threads = 2")
            var built = false
            try db.inTransaction {
                built = try CreatedIndex.settle(db, fullReadUnderWay: false)
                return .commit
            }
            #expect(built)
            #expect(try CreatedIndex.isPresent(db))
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            let indexed = try Self.entries(db, "INDEXED BY \(CreatedIndex.name)")
            #expect(indexed.count == 150_000)
            #expect(indexed == (try Self.entries(db, "NOT INDEXED")))
            // The connection's settings are back, its own threads setting included (the build uses one).
            #expect(try Int.fetchOne(db, sql: "PRAGMA temp_store") == 2)
            #expect(try Int.fetchOne(db, sql: "PRAGMA cache_size") == -65536)
            #expect(try Int.fetchOne(db, sql: "PRAGMA threads") == 2)
            #expect(try !CreatedIndex.settle(db, fullReadUnderWay: false))
        }
    }

    @Test func aTransactionUsingItsTemporaryDatabaseStillGetsTheIndex() throws {
        let (queue, folder) = try Self.table(count: 5_000)
        defer { try? FileManager.default.removeItem(at: folder) }
        try queue.writeWithoutTransaction { db in
            var built = false
            try db.inTransaction {
                // temp_store cannot change now: the index is sorted in memory, and the transaction goes on.
                try db.execute(sql: "CREATE TEMP TABLE scratch(x); INSERT INTO scratch VALUES (1)")
                built = try CreatedIndex.settle(db, fullReadUnderWay: false)
                try db.execute(sql: "INSERT INTO deliveries(id, created, modified, combo) VALUES (5001, 7, 7, 1)")
                return .commit
            }
            #expect(built)
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            #expect(try Self.entries(db, "INDEXED BY \(CreatedIndex.name)") == (try Self.entries(db, "NOT INDEXED")))
            #expect(try Int.fetchOne(db, sql: "PRAGMA temp_store") == 2)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM scratch") == 1)
        }
    }

    @Test func anIndexPresentOrAReadUnderWayBuildsNothing() throws {
        let (queue, folder) = try Self.table(count: 100)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcomes = try queue.writeWithoutTransaction { db in
            [try CreatedIndex.settle(db, fullReadUnderWay: true), try CreatedIndex.isPresent(db),
             try CreatedIndex.settle(db, fullReadUnderWay: false), try CreatedIndex.settle(db, fullReadUnderWay: false)]
        }
        // Not during a read; then built once.
        #expect(outcomes == [false, false, true, false])
    }
}
