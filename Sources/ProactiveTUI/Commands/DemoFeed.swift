import DashboardModel
import Foundation
import Synchronization

/// The simulated live feed of `demo`: a background thread that advances the simulator and writes its records
/// to the store every second, as a real feed would (through its own write connection).
final class DemoFeed: Sendable {
    private let store: DeliveryStore
    /// The simulator, until `start` moves it to the feed's thread (the only one that advances it).
    private let simulator: Mutex<LiveSimulator?>
    private let running = Mutex(false)

    /// - Parameter history: the generator that has just built the store, if it was built now: its deliveries
    ///   still pending or in progress then move on as the feed runs.
    init(path: String, seed: UInt64, ratePerMinute: Double, continuing history: DemoGenerator?) throws {
        store = try DeliveryStore.openForWriting(path: path)
        var simulator = LiveSimulator(seed: seed &+ UInt64(Date().timeIntervalSince1970), center: .standard,
                                      ratePerMinute: ratePerMinute)
        if let history { simulator.adoptOpenDeliveries(of: history) }
        self.simulator = Mutex(simulator)
    }

    /// Starts the feed's thread (once: a second call finds no simulator and does nothing).
    func start() {
        guard let taken = simulator.withLock({ $0.take() }) else { return }
        running.withLock { $0 = true }
        let thread = Thread { [self] in
            var simulator = taken
            while running.withLock({ $0 }) {
                let records = simulator.step(now: Date())
                if !records.isEmpty {
                    _ = try? store.write { writer in for record in records { try writer.apply(record) } }
                }
                Thread.sleep(forTimeInterval: 1)
            }
        }
        thread.name = "demo-feed"
        thread.start()
    }

    func stop() { running.withLock { $0 = false } }
}
