import Foundation
import DashboardModel

/// Builds the benchmark's store from the demo generator, through the same writer an import uses
/// (generated on a second thread while the writer applies), in one transaction, then checkpoints the WAL.
public enum BenchStoreBuilder {
    public struct Outcome: Sendable {
        public var seconds: Double
        public var summary: ImportSummary
        /// Deliveries per second, over the whole build (generation, upserts, slot counts, commit, checkpoint).
        public var deliveriesPerSecond: Double { seconds > 0 ? Double(summary.deliveries.total) / seconds : 0 }
    }

    /// - Parameter progress: called every million deliveries with the number generated so far (from the
    ///   generating thread).
    public static func build(path: String, deliveries: Int, days: Int, seed: UInt64, now: Date,
                             progress: ((Int) -> Void)? = nil) throws -> Outcome {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let watch = Stopwatch()
        let store = try DeliveryStore.openForWriting(path: path, bulk: true)
        let generator = DemoGenerator(seed: seed, deliveries: deliveries, days: days, now: now)
        let summary = try store.write(now: now, producing: { emit in
            var generated = 0
            try generator.generate { record in
                try emit(record)
                if case .delivery = record {
                    generated += 1
                    if generated % 1_000_000 == 0 { progress?(generated) }
                }
            }
        })
        try store.checkpoint()
        return Outcome(seconds: watch.seconds, summary: summary)
    }
}
