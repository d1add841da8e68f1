import Foundation
import DashboardModel

/// The import benchmark: demo deliveries written as a CSV export, imported with `FileImporter.importFile`
/// into a fresh store (rows, combinations and slot counts, one transaction, WAL checkpointed), then deleted.
public enum ImportBenchmark {
    public struct Result: Sendable {
        public var deliveries: Int
        public var csvBytes: Int
        public var csvWriteSeconds: Double
        /// `FileImporter.importFile` alone.
        public var importSeconds: Double
        /// Import plus the WAL checkpoint into the main file.
        public var importAndCheckpointSeconds: Double
        public var census: StoreCensus
        /// CPU time of the process during the import (user + system).
        public var importCPUSeconds: Double
        /// `sqlite3 .import` of the same CSV into a bare table, in the same run (nil without a `sqlite3` program).
        public var sqliteCLISeconds: Double?
        public var deliveriesPerSecond: Double { importSeconds > 0 ? Double(deliveries) / importSeconds : 0 }
        public var deliveriesPerSecondWithCheckpoint: Double {
            importAndCheckpointSeconds > 0 ? Double(deliveries) / importAndCheckpointSeconds : 0
        }
    }

    /// - Parameter keptCSV: a CSV to import: written from the generator when missing, and kept (the next run
    ///   reads it again). Without it the CSV is written to `folder` and deleted.
    public static func run(deliveries: Int, days: Int, seed: UInt64, now: Date, folder: String,
                           keptCSV: String? = nil) throws -> Result {
        let base = folder + "/proactive-tui-bench-\(getpid())"
        let csv = keptCSV ?? base + ".csv", storePath = base + ".sqlite"
        let files = (keptCSV == nil ? [csv] : []) + [storePath, storePath + "-wal", storePath + "-shm", storePath + ".lock"]
        defer { for file in files { try? FileManager.default.removeItem(atPath: file) } }
        for file in files { try? FileManager.default.removeItem(atPath: file) }

        var written: (deliveries: Int, bytes: Int)
        var csvWrite = 0.0
        if let keptCSV, FileManager.default.fileExists(atPath: keptCSV) {
            written = try DemoCSVWriter.census(of: keptCSV)
        } else {
            let generator = DemoGenerator(seed: seed, deliveries: deliveries, days: days, now: now)
            (written, csvWrite) = try Stopwatch.time { try DemoCSVWriter.write(generator, to: csv) }
        }

        let store = try DeliveryStore.openForWriting(path: storePath, bulk: true)
        let watch = Stopwatch()
        let cpuStart = CPUClock.processMilliseconds
        let outcome = FileImporter.importFile(csv, into: store, now: now)
        let importSeconds = watch.seconds
        let importCPU = (CPUClock.processMilliseconds - cpuStart) / 1000
        if let error = outcome.error { throw StoreError("import of the benchmark CSV failed: \(error)") }
        try store.checkpoint()
        let withCheckpoint = watch.seconds
        let census = try StoreCensus.take(store)
        guard census.deliveries == written.deliveries else {
            throw StoreError("the benchmark CSV held \(written.deliveries) deliveries but the store has \(census.deliveries)")
        }
        return Result(deliveries: written.deliveries, csvBytes: written.bytes, csvWriteSeconds: csvWrite / 1000,
                      importSeconds: importSeconds, importAndCheckpointSeconds: withCheckpoint, census: census,
                      importCPUSeconds: importCPU, sqliteCLISeconds: SQLiteCLIImport.seconds(csv: csv, folder: folder))
    }
}
