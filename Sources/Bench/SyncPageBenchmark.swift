import Foundation
import GRDB
import DashboardModel

/// The store side of an initial sync, measured: demo deliveries (each with a row id of its own, as in a real
/// organization) written as Web API pages of `pageSize` rows, then streamed into a fresh store with
/// `DeliveryStore.applySyncPages(table:policy:next:)` as a full read (`.fullRead` cursors, then `.delta` on the last
/// page, which ends the read and looks for rows it did not see). The pages are written to files first (not timed);
/// `next` reads them back as a client hands over what it received, and the time spent in it is not counted.
public enum SyncPageBenchmark {
    public struct Result: Sendable {
        public var deliveries: Int
        public var pages: Int
        public var transactions: Int
        /// Wall time of `applySyncPages`, less the time spent reading the page files in `next`.
        public var applySeconds: Double
        /// Process CPU time during `applySyncPages` (both threads), less that of `next`.
        public var applyCPUSeconds: Double
        public var pageBytes: Int
        /// Conversation ids the store now wants (the client would fetch them by id).
        public var wantedConversations: Int
        public var storeBytes: Int64
        /// Peak resident memory of the process (VmHWM) after the run, KiB.
        public var peakRSSKiB: Int?
        public var deliveriesPerSecond: Double { applySeconds > 0 ? Double(deliveries) / applySeconds : 0 }
    }

    /// Writes the pages into `folder` (once; kept for later runs when they are there) and returns their paths.
    public static func writePages(deliveries: Int, pageSize: Int = 5000, days: Int = 365, seed: UInt64 = 42, now: Date,
                                  folder: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let count = (deliveries + pageSize - 1) / pageSize
        let paths = (0..<count).map { folder + "/page-\($0 + 1).json" }
        if paths.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) { return paths }
        let base = "https://contoso.crm.dynamics.com/api/data/v9.2/"
        let context = base + "$metadata#msdyn_proactive_deliveries"
        var rows: [Delivery] = []
        rows.reserveCapacity(pageSize)
        var written = 0, made = 0
        func write(last: Bool) throws {
            let next = base + "msdyn_proactive_deliveries?$skiptoken=%3Ccookie%20pagenumber=%22\(written + 2)%22/%3E"
            let delta = base + "msdyn_proactive_deliveries?$deltatoken=919042%2108%2f22%2f2026%2008%3a10%3a44"
            let page = WebAPIPageWriter.page(rows, context: context, nextLink: last ? nil : next, deltaLink: last ? delta : nil)
            try Data(page).write(to: URL(fileURLWithPath: paths[written]))
            written += 1
            rows.removeAll(keepingCapacity: true)
        }
        var pending: Delivery?
        try DemoGenerator(seed: seed, deliveries: deliveries, days: days, now: now).generate { record in
            guard case .delivery(var d) = record else { return }
            made += 1
            d.rowId = rowId(made)
            // One delivery behind: the last page is the one that ends the full read.
            if let p = pending {
                rows.append(p)
                if rows.count == pageSize { try write(last: false) }
            }
            pending = d
        }
        if let p = pending { rows.append(p) }
        if !rows.isEmpty { try write(last: true) }
        guard written == count else { throw StoreError("wrote \(written) benchmark pages, expected \(count)") }
        return paths
    }

    /// Streams the pages into a fresh store in `folder` with `policy`, then deletes the store.
    public static func run(pages paths: [String], policy: SyncCommitPolicy, now: Date, folder: String) throws -> Result {
        let path = folder + "/proactive-tui-sync-bench-\(getpid()).sqlite"
        let files = [path, path + "-wal", path + "-shm"]
        for file in files { try? FileManager.default.removeItem(atPath: file) }
        defer { for file in files { try? FileManager.default.removeItem(atPath: file) } }
        let store = try DeliveryStore.openForWriting(path: path)
        let base = "https://contoso.crm.dynamics.com/api/data/v9.2/msdyn_proactive_deliveries"
        let delta = base + "?$deltatoken=919042%2108%2f22%2f2026%2008%3a10%3a44"
        var index = 0, bytes = 0
        var inNext = 0.0, cpuInNext = 0.0
        let watch = Stopwatch()
        let cpuStart = CPUClock.processMilliseconds
        let outcome = try store.applySyncPages(table: .deliveries, now: now, policy: policy) { _ in
            guard index < paths.count else { return nil }
            let started = Stopwatch()
            let cpu = CPUClock.processMilliseconds
            let page = Array(try Data(contentsOf: URL(fileURLWithPath: paths[index])))
            index += 1
            bytes += page.count
            let last = index == paths.count
            let cursor: SyncCursor = last ? .delta(deltaLink: delta)
                : .fullRead(nextLink: base + "?$skiptoken=\(index + 1)", startedAt: now)
            inNext += started.seconds
            cpuInNext += (CPUClock.processMilliseconds - cpu) / 1000
            return SyncPage(bytes: page, source: "benchmark page \(index)", cursor: cursor)
        }
        let seconds = watch.seconds - inNext
        let cpu = (CPUClock.processMilliseconds - cpuStart) / 1000 - cpuInNext
        let census = try StoreCensus.take(store)
        guard census.deliveries == outcome.summary.deliveries.inserted else {
            throw StoreError("the benchmark inserted \(outcome.summary.deliveries.inserted) deliveries but the store has \(census.deliveries)")
        }
        let wanted = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_wanted_conversations") ?? 0 }
        return Result(deliveries: census.deliveries, pages: index, transactions: outcome.transactions, applySeconds: seconds,
                      applyCPUSeconds: cpu, pageBytes: bytes, wantedConversations: wanted, storeBytes: store.sizeOnDisk(),
                      peakRSSKiB: ProcessMemory.read()?.peakKiB)
    }

    /// A row GUID of its own for the n-th delivery (differs from every demo delivery id).
    static func rowId(_ n: Int) -> String {
        let hex = String(n, radix: 16)
        return "5e9c0000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    }
}
