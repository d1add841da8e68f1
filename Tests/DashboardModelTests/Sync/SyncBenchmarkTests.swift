import Foundation
import Testing

@testable import DashboardModel

/// The store side of an initial sync, measured only when asked (release build):
///
///     SYNC_BENCH_DELIVERIES=1000000 SYNC_BENCH_RUNS=3 swift test -c release -Xswiftc -enable-testing \
///         --scratch-path .build-sync-bench --filter SyncBenchmarkTests
///
/// Prints deliveries per second of `applySyncPage` over pages of 5,000 rows, and the peak resident memory.
@Suite struct SyncBenchmarkTests {
    static let deliveries = Int(ProcessInfo.processInfo.environment["SYNC_BENCH_DELIVERIES"] ?? "") ?? 0
    static let runs = Int(ProcessInfo.processInfo.environment["SYNC_BENCH_RUNS"] ?? "") ?? 1
    /// Pages per transaction to measure, e.g. `1,10` (each measured `runs` times).
    static let batching = (ProcessInfo.processInfo.environment["SYNC_BENCH_PAGES_PER_TRANSACTION"] ?? "1")
        .split(separator: ",").compactMap { Int($0) }

    @Test(.enabled(if: deliveries > 0)) func applyingPages() throws {
        for perTransaction in Self.batching {
            var rates: [Double] = []
            for run in 1...max(1, Self.runs) {
                let result = try SyncPageBenchmark.run(deliveries: Self.deliveries, pagesPerTransaction: perTransaction,
                                                       now: MX.instant(MX.defaultNow),
                                                       folder: FileManager.default.temporaryDirectory.path)
                rates.append(result.deliveriesPerSecond)
                print(String(format: "sync benchmark, %d pages/transaction, run %d: %d deliveries in %d pages (%.0f MB of JSON): "
                             + "apply %.2f s = %.0f deliveries/s, CPU %.2f s, slowest transaction %.3f s, "
                             + "%d wanted conversations, store %.0f MB, peak RSS %d MiB",
                             perTransaction, run, result.deliveries, result.pages, Double(result.pageBytes) / 1e6,
                             result.applySeconds, result.deliveriesPerSecond, result.applyCPUSeconds, result.slowestPageSeconds,
                             result.wantedConversations, Double(result.storeBytes) / 1e6, (result.peakRSSKiB ?? 0) / 1024))
                #expect(result.deliveries == Self.deliveries)
            }
            let median = rates.sorted()[rates.count / 2]
            print(String(format: "sync benchmark, %d pages/transaction: median %.0f deliveries/s over %d runs", perTransaction,
                         median, rates.count))
        }
    }

    /// The benchmark's own path at a small size, in every test run: three pages, a full read that ends.
    @Test func aSmallRunAppliesEveryDelivery() throws {
        let result = try SyncPageBenchmark.run(deliveries: 12_000, pagesPerTransaction: 2, now: MX.instant(MX.defaultNow),
                                               folder: FileManager.default.temporaryDirectory.path)
        #expect(result.deliveries == 12_000)
        #expect(result.pages == 3)
        #expect(result.wantedConversations > 0)
    }
}
