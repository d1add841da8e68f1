import Foundation
import DashboardModel

/// The import benchmark's reference: SQLite's own command-line CSV import (`sqlite3 DB ".import --csv FILE t"`) of
/// the same file into one bare table, in WAL mode: the rows alone, no keys, upserts or counts. Timed in the same run,
/// it gives a ratio that holds when the machine's speed drifts.
public enum SQLiteCLIImport {
    /// Seconds for the whole `sqlite3` process, or nil when no `sqlite3` program is on the PATH.
    public static func seconds(csv: String, folder: String) -> Double? {
        let db = folder + "/proactive-tui-bench-cli-\(getpid()).sqlite"
        let files = [db, db + "-wal", db + "-shm"]
        defer { for file in files { try? FileManager.default.removeItem(atPath: file) } }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", db, "PRAGMA journal_mode=WAL;", "PRAGMA synchronous=NORMAL;",
                             "PRAGMA cache_size=-262144;", ".import --csv \(csv) raw"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let watch = Stopwatch()
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return watch.seconds
    }
}
