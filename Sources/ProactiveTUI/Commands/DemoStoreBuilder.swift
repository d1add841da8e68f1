import DashboardModel
import Foundation

/// Writes a fresh demo store from the deterministic generator.
enum DemoStoreBuilder {
    @discardableResult
    static func build(path: String, deliveries: Int, days: Int, seed: UInt64, now: Date = Date(), log: (String) -> Void) throws -> DemoGenerator {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        log("building demo store at \(path): \(deliveries) deliveries over \(days) days...")
        let started = Date()
        let store = try DeliveryStore.openForWriting(path: path, bulk: true)
        let generator = DemoGenerator(seed: seed, deliveries: deliveries, days: days, now: now)
        let summary = try store.write(now: now, producing: { emit in try generator.generate(emit) })
        try store.checkpoint()
        log(String(format: "built in %.1f s: ", Date().timeIntervalSince(started)) + summary.lines.joined(separator: "; "))
        return generator
    }
}
