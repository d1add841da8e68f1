import Foundation
import GRDB

/// The store side of an initial sync, measured: demo deliveries (each with a row id of its own, as in a real
/// organization) written as Web API pages of `pageSize` rows and applied 
/// `DeliveryStore.applySyncPages` (`pagesPerTransaction` pages a transaction, as a client that fetched them while the
/// store was busy applies them), as a full read (`.fullRead` cursors, then `.delta` on the last page, which ends
/// the read and looks for rows it did not see) into a fresh store. Only the applying is timed; the pages are made
/// between the applications and not counted.
public enum SyncPageBenchmark {
    public struct Result: Sendable {
        public var deliveries: Int
        public var pages: Int
        /// Wall time of the `applySyncPage` calls.
        public var applySeconds: Double
        /// Process CPU time during those calls (both threads of each page).
        public var applyCPUSeconds: Double
        /// Slowest transaction, seconds.
        public var slowestPageSeconds: Double
        public var pageBytes: Int
        /// Conversation ids the store now wants (the client would fetch them by id).
        public var wantedConversations: Int
        public var storeBytes: Int64
        /// Peak resident memory of the process (VmHWM) at the end, KiB.
        public var peakRSSKiB: Int?
        public var pagesPerTransaction: Int
        public var deliveriesPerSecond: Double { applySeconds > 0 ? Double(deliveries) / applySeconds : 0 }
    }

    public static func run(deliveries: Int, pageSize: Int = 5000, pagesPerTransaction: Int = 1, days: Int = 365,
                           seed: UInt64 = 42, now: Date, folder: String) throws -> Result {
        let path = folder + "/proactive-tui-sync-bench-\(getpid()).sqlite"
        let files = [path, path + "-wal", path + "-shm"]
        for file in files { try? FileManager.default.removeItem(atPath: file) }
        defer { for file in files { try? FileManager.default.removeItem(atPath: file) } }
        let store = try DeliveryStore.openForWriting(path: path)
        let generator = DemoGenerator(seed: seed, deliveries: deliveries, days: days, now: now)
        let base = "https://contoso.crm.dynamics.com/api/data/v9.2/"
        let context = base + "$metadata#msdyn_proactive_deliveries"
        let startedAt = now
        var rows: [Delivery] = []
        rows.reserveCapacity(pageSize)
        var applied = 0, pages = 0, bytes = 0
        var seconds = 0.0, cpu = 0.0, slowest = 0.0
        var batch: [SyncPage] = []
        func apply(last: Bool) throws {
            let next = base + "msdyn_proactive_deliveries?$skiptoken=%3Ccookie%20pagenumber=%22\(pages + 2)%22/%3E"
            let delta = base + "msdyn_proactive_deliveries?$deltatoken=919042%2108%2f22%2f2026%2008%3a10%3a44"
            let page = WebAPIPageWriter.page(rows, context: context, nextLink: last ? nil : next, deltaLink: last ? delta : nil)
            let cursor: SyncCursor = last ? .delta(deltaLink: delta) : .fullRead(nextLink: next, startedAt: startedAt)
            batch.append(SyncPage(bytes: page, source: "benchmark page \(pages + 1)", cursor: cursor))
            pages += 1
            bytes += page.count
            rows.removeAll(keepingCapacity: true)
            guard last || batch.count == pagesPerTransaction else { return }
            let watch = Stopwatch()
            let cpuStart = CPUClock.processMilliseconds
            let outcome = try store.applySyncPages(batch, table: .deliveries, now: now)
            let took = watch.seconds
            seconds += took
            cpu += (CPUClock.processMilliseconds - cpuStart) / 1000
            slowest = max(slowest, took)
            applied += outcome.summary.deliveries.inserted + outcome.summary.deliveries.updated
            batch.removeAll()
        }
        var made = 0
        var pending: Delivery?
        try generator.generate { record in
            guard case .delivery(var d) = record else { return }
            made += 1
            d.rowId = Self.rowId(made)
            // One page behind: the last delivery's page is the one that ends the full read.
            if let p = pending {
                rows.append(p)
                if rows.count == pageSize { try apply(last: false) }
            }
            pending = d
        }
        if let p = pending { rows.append(p) }
        if !rows.isEmpty { try apply(last: true) }
        let census = try StoreCensus.take(store)
        guard census.deliveries == made else {
            throw StoreError("the benchmark applied \(made) deliveries but the store has \(census.deliveries)")
        }
        let wanted = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_wanted_conversations") ?? 0 }
        return Result(deliveries: made, pages: pages, applySeconds: seconds, applyCPUSeconds: cpu,
                      slowestPageSeconds: slowest, pageBytes: bytes, wantedConversations: wanted,
                      storeBytes: store.sizeOnDisk(), peakRSSKiB: ProcessMemory.read()?.peakKiB,
                      pagesPerTransaction: pagesPerTransaction)
    }

    /// A row GUID of its own for the n-th delivery (differs from every demo delivery id).
    static func rowId(_ n: Int) -> String {
        let hex = String(n, radix: 16)
        return "5e9c0000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    }
}
