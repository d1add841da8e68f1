import Foundation

/// The demo store's history: a deterministic, realistic set of queues, configurations, deliveries (each in its
/// version current at `now`) and conversations.
public struct DemoGenerator {
    public let seed: UInt64
    public let deliveries: Int
    public let days: Int
    /// The history ends here: every delivery is created in (`now` - `days` × 24 h, `now`).
    public let now: Date

    public init(seed: UInt64 = 42, deliveries: Int = 40_000, days: Int = 90, now: Date) {
        self.seed = seed
        self.deliveries = max(0, deliveries)
        self.days = max(1, days)
        self.now = now
    }

    public var center: DemoCenter { .standard }

    /// Emits queues, configurations, then deliveries in createdon order, each delivery in its final version for
    /// `now`, and a conversation for each delivery that has one (right before the delivery). Deterministic for
    /// equal inputs.
    public func generate(_ emit: (ImportRecord) throws -> Void) rethrows {
        let center = self.center
        for queue in center.queues { try emit(.queue(queue)) }
        for configuration in center.configurations { try emit(.configuration(configuration)) }
        try walk { factory, draft, plan, end in
            let stage = DemoDeliveryFactory.stage(of: plan, at: end)
            let (delivery, conversation) = factory.version(
                of: draft, plan: plan, stage: stage, pendingModifiedOn: draft.created + 1)
            // The conversation first: the store then links the delivery's direction as it inserts it,
            // instead of re-linking it afterwards.
            if let conversation { try emit(.conversation(conversation)) }
            try emit(.delivery(delivery))
        }
    }

    /// Every delivery of the history, in createdon order, with its plan (which may reach past `now`).
    func walk(_ body: (DemoDeliveryFactory, DemoDraft, DemoPlan, Int64) throws -> Void) rethrows {
        guard deliveries > 0 else { return }
        let center = self.center
        let end = Int64(now.timeIntervalSince1970.rounded(.down))
        let start = end - Int64(days) * 86_400
        let zone = TimeZone(identifier: center.timeZoneIdentifier) ?? TimeZone(secondsFromGMT: 0)!
        let offsets = DemoZoneOffsets(zone: zone, from: start - 86_400, to: end + 3 * 86_400)
        let traffic = DemoTraffic(deliveries: deliveries, seed: seed, start: start, end: end, offsets: offsets)
        let factory = DemoDeliveryFactory(
            center: center, timing: .history(zone: offsets), allowUnknownReferences: true)
        var rng = DemoRandom(seed: seed, stream: 2)
        let span = Double(end - start)

        var secondCounts = [Int32](repeating: 0, count: 60)
        for minute in 0..<traffic.counts.count {
            let count = Int(traffic.counts[minute])
            if count == 0 { continue }
            let base = traffic.firstMinute + Int64(minute) * 60
            // Seconds within the minute, in order: count them instead of sorting.
            for _ in 0..<count { secondCounts[rng.below(60)] += 1 }
            for second in 0..<60 {
                var remaining = secondCounts[second]
                if remaining == 0 { continue }
                secondCounts[second] = 0
                let created = base + Int64(second)
                let position = Double(created - start) / span
                while remaining > 0 {
                    remaining -= 1
                    let (draft, plan) = factory.make(created: created, position: position, rng: &rng)
                    try body(factory, draft, plan, end)
                }
            }
        }
    }
}
