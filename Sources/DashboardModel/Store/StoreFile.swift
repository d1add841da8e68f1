import Foundation
import GRDB

/// What `--db` names, before anything is written to it, and the creation of a new store through a temporary file
/// renamed into place: a store appears whole (migrated) or not at all, whatever interrupts its creation.
enum StoreFile {
    enum Kind: Equatable {
        /// Nothing there, or an empty file (created by hand, or by a tool that touched the path): a new store.
        case absent
        /// An SQLite database holding this program's tables, or no table at all.
        case store
    }

    /// The lock file beside the store, held while it is created or migrated (`FileLock`).
    static func lockPath(_ path: String) -> String { path + ".lock" }

    /// Where a new store is built before it is renamed to `path`: in the same folder (a rename within one file
    /// system is atomic), under a name no reader opens. Only the holder of the lock uses it; one left behind by an
    /// interrupted creation is removed by the next.
    static func creationPath(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".creating").path
    }

    /// Refuses a path that is a directory, and creates the folder of one that does not exist yet.
    static func prepareFolder(for path: String) throws {
        try refuseDirectory(path)
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        try makeFolder(folder, for: path)
    }

    /// `mkdir -p`, one component at a time, so that a failure names the folder and the system's reason.
    private static func makeFolder(_ folder: String, for path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw StoreError("cannot create the store \(path): \(folder) is a file, not a folder") }
            return
        }
        let parent = (folder as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != folder { try makeFolder(parent, for: path) }
        if mkdir(folder, 0o755) != 0 && errno != EEXIST {
            throw StoreError("cannot create the folder \(folder) for the store \(path): \(String(cString: strerror(errno)))")
        }
    }

    static func refuseDirectory(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw StoreIsDirectory(path: path)
        }
    }

    /// Looks at what is at `path` without writing to it (read-only): an unrelated database is refused and left
    /// exactly as it was.
    static func kind(of path: String) throws -> Kind {
        if isNothingYet(path) { return .absent }
        var config = GRDB.Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        let tables: [String]
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            tables = try queue.read { db in try tableNames(db) }
            try queue.close()
        } catch {
            throw notAStore(path, error)
        }
        try check(tables: tables, path: path)
        return .store
    }

    /// No file, or an empty one without a write-ahead log beside it holding its pages: no store yet.
    static func isNothingYet(_ path: String) -> Bool {
        func size(_ path: String) -> Int64? {
            var info = stat()
            return stat(path, &info) == 0 ? Int64(info.st_size) : nil
        }
        guard let bytes = size(path) else { return true }
        return bytes == 0 && (size(path + "-wal") ?? 0) == 0
    }

    /// The database's own tables.
    static func tableNames(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    }

    /// What opening something that is no SQLite database (or cannot be read as one) says.
    static func notAStore(_ path: String, _ error: Error) -> StoreError {
        StoreError("\(path) is not a proactive-tui store (\(reason(error))); it was left unchanged")
    }

    /// Refuses a database holding other tables than this program's (none at all is a new store).
    static func check(tables: [String], path: String) throws {
        if tables.isEmpty || tables.contains("slot_counts") || tables.contains("grdb_migrations") { return }
        let shown = tables.sorted().prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", ..." : "")
        throw StoreError("\(path) is not a proactive-tui store (it holds other tables: \(shown)); it was left unchanged")
    }

    /// Builds a migrated store at the creation path and renames it to `path` (the caller holds the lock).
    static func create(at path: String, prepare: @escaping @Sendable (Database) throws -> Void) throws {
        let temporary = creationPath(path)
        removeWithSidecars(temporary)  // a creation interrupted before
        // A WAL or shared-memory file of an empty file that was there would otherwise be read into the new store.
        for sidecar in [path + "-wal", path + "-shm", path + "-journal"] { try? FileManager.default.removeItem(atPath: sidecar) }
        do {
            var config = GRDB.Configuration()
            config.prepareDatabase { db in
                try prepare(db)
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            let queue = try DatabaseQueue(path: temporary, configuration: config)
            try Schema.migrator.migrate(queue)
            // Closing the only connection checkpoints the WAL into the file and deletes it.
            try queue.close()
            guard !FileManager.default.fileExists(atPath: temporary + "-wal") else {
                throw StoreError("the new store's write-ahead log was not checkpointed")
            }
            guard rename(temporary, path) == 0 else {
                throw StoreError("cannot rename \(temporary) to \(path): \(String(cString: strerror(errno)))")
            }
        } catch {
            removeWithSidecars(temporary)
            throw error
        }
    }

    static func removeWithSidecars(_ file: String) {
        for name in [file, file + "-wal", file + "-shm", file + "-journal"] { try? FileManager.default.removeItem(atPath: name) }
    }

    private static func reason(_ error: Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error)" }
        return (error as NSError).localizedDescription
    }
}
