import Foundation
import Testing

@testable import DashboardModel
@testable import Bench

/// The store side of an initial sync, measured only when asked (release build):
///
///     SYNC_BENCH_DELIVERIES=1000000 SYNC_BENCH_RUNS=3 SYNC_BENCH_ENTRIES_PER_TRANSACTION=250000,5000 \
///         swift test -c release -Xswiftc -enable-testing --scratch-path .build-sync-bench --filter SyncBenchmarkTests
///
/// Pages of 5,000 deliveries are written to `SYNC_BENCH_PAGES` (default /tmp/proactive-tui-sync-pages-N, kept for
/// later runs), then streamed into a fresh store with transactions of at most that many entries (and 2 s; 5000 = a
/// transaction per page). Prints deliveries per second of the store's work and the peak resident memory.
@Suite struct SyncBenchmarkTests {
    static let environment = ProcessInfo.processInfo.environment
    static let deliveries = Int(environment["SYNC_BENCH_DELIVERIES"] ?? "") ?? 0
    static let runs = Int(environment["SYNC_BENCH_RUNS"] ?? "") ?? 1
    static let policies = (environment["SYNC_BENCH_ENTRIES_PER_TRANSACTION"] ?? "250000").split(separator: ",").compactMap { Int($0) }

    @Test(.enabled(if: deliveries > 0)) func applyingPages() throws {
        let now = MX.instant(MX.defaultNow)
        let folder = Self.environment["SYNC_BENCH_PAGES"] ?? "/tmp/proactive-tui-sync-pages-\(Self.deliveries)"
        let pages = try SyncPageBenchmark.writePages(deliveries: Self.deliveries, now: now, folder: folder)
        for entries in Self.policies {
            var rates: [Double] = []
            for run in 1...max(1, Self.runs) {
                let result = try SyncPageBenchmark.run(pages: pages, policy: SyncCommitPolicy(maxEntries: entries, maxSeconds: 2),
                                                       now: now, folder: FileManager.default.temporaryDirectory.path)
                rates.append(result.deliveriesPerSecond)
                print(String(format: "sync benchmark, at most %d entries a transaction, run %d: %d deliveries in %d pages "
                             + "(%.0f MB of JSON), %d transactions: %.2f s = %.0f deliveries/s, CPU %.2f s, "
                             + "%d wanted conversations, store %.0f MB, peak RSS %d MiB",
                             entries, run, result.deliveries, result.pages, Double(result.pageBytes) / 1e6, result.transactions,
                             result.applySeconds, result.deliveriesPerSecond, result.applyCPUSeconds, result.wantedConversations,
                             Double(result.storeBytes) / 1e6, (result.peakRSSKiB ?? 0) / 1024))
                #expect(result.deliveries == Self.deliveries)
            }
            let median = rates.sorted()[rates.count / 2]
            print(String(format: "sync benchmark, at most %d entries a transaction: median %.0f deliveries/s over %d runs",
                         entries, median, rates.count))
        }
    }

    /// The benchmark's own path at a small size, in every test run: three pages, a full read that ends, committed in
    /// two transactions.
    @Test func aSmallRunAppliesEveryDelivery() throws {
        let folder = FileManager.default.temporaryDirectory.path + "/proactive-tui-sync-pages-test-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let now = MX.instant(MX.defaultNow)
        let pages = try SyncPageBenchmark.writePages(deliveries: 12_000, now: now, folder: folder)
        #expect(pages.count == 3)
        let result = try SyncPageBenchmark.run(pages: pages, policy: SyncCommitPolicy(maxEntries: 10_000, maxSeconds: 60),
                                               now: now, folder: folder)
        #expect(result.deliveries == 12_000)
        #expect(result.transactions == 2)
        #expect(result.wantedConversations > 0)
    }
}
