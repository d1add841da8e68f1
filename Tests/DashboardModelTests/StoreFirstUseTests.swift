import Foundation
import Synchronization
import GRDB
import Testing

@testable import DashboardModel

/// Opening a store for writing: concurrent first use, interrupted creation, and paths that are not a store.
@Suite struct StoreFirstUseTests {
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("proactive-first-use-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted() }
    }

    static func csv(_ prefix: String, _ count: Int) -> String {
        "msdyn_delivery_id,createdon,msdyn_status\n"
            + (0..<count).map { "\(prefix)-\($0),2026-11-0\(1 + $0 % 9)T10:00:00Z,Pending\n" }.joined()
    }

    /// Eight imports started together into a store that does not exist yet, twenty times over: every one succeeds.
    @Test func concurrentFirstImportsAllSucceed() throws {
        for round in 0..<20 {
            let folder = try Folder()
            let path = folder.path("nested/store.sqlite")
            let files = try (0..<8).map { try importTempFile("t\($0).csv", Self.csv("r\(round)t\($0)", 20)) }
            final class Results: Sendable {
                private let list = Mutex<[String]>([])
                var errors: [String] { list.withLock { $0 } }
                func add(_ error: String) { list.withLock { $0.append(error) } }
            }
            let results = Results()
            let start = DispatchSemaphore(value: 0), group = DispatchGroup()
            for file in files {
                group.enter()
                Thread {
                    start.wait()
                    do {
                        let store = try DeliveryStore.openForWriting(path: path, bulk: true)
                        if let error = FileImporter.importFile(file, into: store).error { results.add(error) }
                    } catch {
                        results.add("\(error)")
                    }
                    group.leave()
                }.start()
            }
            for _ in files { start.signal() }
            group.wait()
            #expect(results.errors.isEmpty, "round \(round): \(results.errors)")
            let store = try DeliveryStore.openForReading(path: path)
            let count = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM deliveries") }
            #expect(count == 8 * 20, "round \(round)")
            #expect(try StoreDigest.inconsistencies(store).isEmpty)
        }
    }

    /// A creation interrupted at any step leaves only its temporary file (and the lock file): never taken for the
    /// store, and cleaned by the next creation.
    @Test func anInterruptedCreationIsIgnoredAndCleaned() throws {
        for leftover in ["garbage", "empty", "half-migrated", "whole"] {
            let folder = try Folder()
            let path = folder.path("store.sqlite")
            let temporary = StoreFile.creationPath(path)
            #expect(temporary == folder.path(".store.sqlite.creating"))
            switch leftover {
            case "garbage": try Data("not a database".utf8).write(to: URL(fileURLWithPath: temporary))
            case "empty": try Data().write(to: URL(fileURLWithPath: temporary))
            case "half-migrated":
                let queue = try DatabaseQueue(path: temporary)
                try queue.write { db in try db.execute(sql: "CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL)") }
                try queue.close()
                try Data("stale wal".utf8).write(to: URL(fileURLWithPath: temporary + "-wal"))
            default:  // migrated, but killed before the rename
                let queue = try DatabaseQueue(path: temporary)
                try Schema.migrator.migrate(queue)
                try queue.close()
            }
            _ = FileManager.default.createFile(atPath: StoreFile.lockPath(path), contents: nil)
            // Readers do not see it.
            #expect(throws: StoreMissing(path: path, fileIsEmpty: false), "\(leftover)") { try DeliveryStore.openForReading(path: path) }
            // The next writer creates the store whole and removes the leftover.
            let store = try DeliveryStore.openForWriting(path: path)
            #expect(try store.read { db in try Schema.migrator.hasCompletedMigrations(db) }, "\(leftover)")
            let names = folder.names.filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }  // the open store's own
            #expect(names == ["store.sqlite", "store.sqlite.lock"], "\(leftover): \(folder.names)")
            #expect(FileImporter.importFile(try importTempFile("d.csv", Self.csv("d", 3)), into: store).error == nil)
        }
    }

    @Test func anEmptyFileBecomesAStore() throws {
        let folder = try Folder()
        let path = folder.path("store.sqlite")
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let error = try #require(throws: StoreMissing.self) { try DeliveryStore.openForReading(path: path) }
        #expect(error == StoreMissing(path: path, fileIsEmpty: true))
        let store = try DeliveryStore.openForWriting(path: path)
        #expect(FileImporter.importFile(try importTempFile("d.csv", Self.csv("d", 3)), into: store).error == nil)
        #expect(try store.generation() == 1)
    }

    @Test func aFileThatIsNotAStoreIsRefusedAndLeftUnchanged() throws {
        let folder = try Folder()
        let foreign = folder.path("other.sqlite")
        let queue = try DatabaseQueue(path: foreign)
        try queue.write { db in try db.execute(sql: "CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)") }
        try queue.close()
        let text = folder.path("notes.txt")
        try Data("Just some notes, not a database at all. ".utf8).write(to: URL(fileURLWithPath: text))
        for path in [foreign, text] {
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let error = try #require(throws: StoreError.self) { try DeliveryStore.openForWriting(path: path) }
            #expect(error.description.hasPrefix("\(path) is not a proactive-tui store ("), "\(error)")
            #expect(error.description.hasSuffix("; it was left unchanged"), "\(error)")
            // Readers say the same.
            #expect(throws: StoreError.self) { try DeliveryStore.openForReading(path: path) }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        }
        #expect(folder.names == ["notes.txt", "other.sqlite"])
        let error = try #require(throws: StoreError.self) { try DeliveryStore.openForWriting(path: foreign) }
        #expect(error.description == "\(foreign) is not a proactive-tui store (it holds other tables: invoices); it was left unchanged")
    }

    @Test func aDirectoryOrAFolderThatCannotBeCreatedIsExplained() throws {
        let folder = try Folder()
        let directory = folder.url.path
        for open in [{ try DeliveryStore.openForWriting(path: directory) }, { try DeliveryStore.openForReading(path: directory) }] {
            let error = try #require(throws: StoreIsDirectory.self) { _ = try open() }
            #expect(error == StoreIsDirectory(path: directory))
            #expect(error.description == "\(directory) is a directory, not a store's file")
            #expect(error.suggestedFile == "\(directory)/store.sqlite")
        }
        let file = folder.path("plain")
        _ = FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        let error = try #require(throws: StoreError.self) { try DeliveryStore.openForWriting(path: file + "/sub/store.sqlite") }
        #expect(error.description == "cannot create the store \(file)/sub/store.sqlite: \(file) is a file, not a folder")
    }
}
