import Foundation

/// The live feed for `proactive-tui demo`: new Pending deliveries arrive at a steady pace (a Poisson process),
/// get called within minutes (InProcess, with a conversation), and end Complete with a result, or Expired,
/// Cancelled or Error, all within half an hour. Only active configurations receive new deliveries.
public struct LiveSimulator: Sendable {
    public let ratePerMinute: Double
    private let factory: DemoDeliveryFactory
    private var rng: DemoRandom
    /// The instant the world has been advanced to; nil before the first step.
    private var clock: Int64?
    /// When the next delivery arrives (seconds since 1970, fractional).
    private var nextArrival: Double = 0
    /// Deliveries not yet final, oldest first.
    private var inFlight: [Flight] = []
    /// Factories of adopted deliveries (their plans use the history's timing), indexed by `Flight.factory`.
    private var factories: [DemoDeliveryFactory]

    private struct Flight {
        var draft: DemoDraft
        var plan: DemoPlan
        /// The last stage reported; nil before the Pending version went out.
        var emitted: DemoDeliveryFactory.Stage?
        var factory = 0
    }

    public init(seed: UInt64, center: DemoCenter, ratePerMinute: Double) {
        self.ratePerMinute = max(0, ratePerMinute)
        factory = DemoDeliveryFactory(center: center, timing: .live, allowUnknownReferences: false)
        rng = DemoRandom(seed: seed, stream: 3)
        factories = [factory]
    }

    /// Continues a generated history: the deliveries still Pending or InProcess at `generator.now` move on to
    /// their planned final status (or InProcess) as the clock passes their planned times; those whose time has
    /// already come move at the next step. Call before the first step.
    public mutating func adoptOpenDeliveries(of generator: DemoGenerator) {
        var adopted: [Flight] = []
        var historyFactory: DemoDeliveryFactory?
        let index = factories.count
        generator.walk { factory, draft, plan, end in
            let stage = DemoDeliveryFactory.stage(of: plan, at: end)
            guard stage != .final else { return }
            if historyFactory == nil { historyFactory = factory }
            adopted.append(Flight(draft: draft, plan: plan, emitted: stage, factory: index))
        }
        guard let historyFactory else { return }
        factories.append(historyFactory)
        inFlight = adopted + inFlight
    }

    /// Deliveries created but not yet final.
    public var inFlightCount: Int { inFlight.count }

    /// Advances the simulated world to `now` and returns the record versions to upsert, in time order: new Pending
    /// deliveries, and the moves Pending -> InProcess -> final status that happened since the previous step (a
    /// conversation with the InProcess version). Each version of a delivery has a later `modifiedOn` than the one
    /// before. The first step only starts the clock; a `now` not later than the previous one returns nothing.
    /// Deterministic given the same sequence of `now`s; how often the clock is stepped only changes how the records
    /// are grouped, not which versions exist.
    public mutating func step(now: Date) -> [ImportRecord] {
        let t = Int64(now.timeIntervalSince1970.rounded(.down))
        guard let previous = clock else {
            clock = t
            nextArrival = Double(t) + nextGap()
            return []
        }
        guard t > previous else { return [] }
        clock = t

        // Arrivals in (previous, t].
        while ratePerMinute > 0 && nextArrival <= Double(t) {
            let created = max(previous + 1, Int64(nextArrival.rounded(.up)))
            let (draft, plan) = factory.make(created: created, position: 1, rng: &rng)
            inFlight.append(Flight(draft: draft, plan: plan, emitted: nil))
            nextArrival += nextGap()
        }
        // Every move up to t that has not been reported yet, each at its own instant.
        var moves: [(at: Int64, order: Int, records: [ImportRecord])] = []
        for index in inFlight.indices {
            let plan = inFlight[index].plan
            let target = DemoDeliveryFactory.stage(of: plan, at: t)
            var stages: [DemoDeliveryFactory.Stage] = [.pending]
            if plan.inProcessAt != nil { stages.append(.inProcess) }
            stages.append(.final)
            for stage in stages where stage <= target {
                if let emitted = inFlight[index].emitted, stage <= emitted { continue }
                let (delivery, conversation) = factories[inFlight[index].factory].version(
                    of: inFlight[index].draft, plan: plan, stage: stage, pendingModifiedOn: inFlight[index].draft.created)
                var records: [ImportRecord] = [.delivery(delivery)]
                if stage == .inProcess, let conversation { records.append(.conversation(conversation)) }
                moves.append((delivery.modifiedOn ?? delivery.createdOn, moves.count, records))
                inFlight[index].emitted = stage
            }
        }
        inFlight.removeAll { $0.emitted == .final }
        moves.sort { ($0.at, $0.order) < ($1.at, $1.order) }
        return moves.flatMap(\.records)
    }

    private mutating func nextGap() -> Double {
        guard ratePerMinute > 0 else { return .infinity }
        return rng.exponential(mean: 60 / ratePerMinute)
    }
}
