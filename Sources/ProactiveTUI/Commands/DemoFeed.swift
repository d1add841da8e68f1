import DashboardModel
import Foundation

/// The simulated live feed of `demo`: a background thread that advances the simulator and writes its records
/// to the store every second, as a real feed would (through its own write connection).
final class DemoFeed: @unchecked Sendable {
    private let store: DeliveryStore
    private var simulator: LiveSimulator
    private let lock = NSLock()
    private var running = false
    private var thread: Thread?

    /// - Parameter history: the generator that has just built the store, if it was built now: its deliveries
    ///   still pending or in progress then move on as the feed runs.
    init(path: String, seed: UInt64, ratePerMinute: Double, continuing history: DemoGenerator?) throws {
        store = try DeliveryStore.openForWriting(path: path)
        simulator = LiveSimulator(seed: seed &+ UInt64(Date().timeIntervalSince1970), center: .standard,
                                  ratePerMinute: ratePerMinute)
        if let history { simulator.adoptOpenDeliveries(of: history) }
    }

    func start() {
        lock.withLock { running = true }
        let thread = Thread { [self] in
            while lock.withLock({ running }) {
                let records = simulator.step(now: Date())
                if !records.isEmpty {
                    _ = try? store.write { writer in for record in records { try writer.apply(record) } }
                }
                Thread.sleep(forTimeInterval: 1)
            }
        }
        thread.name = "demo-feed"
        self.thread = thread
        thread.start()
    }

    func stop() { lock.withLock { running = false } }
}
