import Foundation

/// Builds the benchmark's store from the demo generator, through the same writer an import uses
/// (`store.write { writer.apply }`), in one transaction, then checkpoints the WAL.
public enum BenchStoreBuilder {
    public struct Outcome: Sendable {
        public var seconds: Double
        public var summary: ImportSummary
        /// Deliveries per second, over the whole build (generation, upserts, slot counts, commit, checkpoint).
        public var deliveriesPerSecond: Double { seconds > 0 ? Double(summary.deliveries.total) / seconds : 0 }
    }

    /// - Parameter progress: called every million deliveries with the number applied so far.
    public static func build(path: String, deliveries: Int, days: Int, seed: UInt64, now: Date,
                             progress: ((Int) -> Void)? = nil) throws -> Outcome {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let watch = Stopwatch()
        let store = try DeliveryStore.openForWriting(path: path, bulk: true)
        let generator = DemoGenerator(seed: seed, deliveries: deliveries, days: days, now: now)
        var applied = 0
        let summary = try store.write(now: now) { writer in
            try generator.generate { record in
                try writer.apply(record)
                if case .delivery = record {
                    applied += 1
                    if applied % 1_000_000 == 0 { progress?(applied) }
                }
            }
        }
        try store.checkpoint()
        return Outcome(seconds: watch.seconds, summary: summary)
    }
}
