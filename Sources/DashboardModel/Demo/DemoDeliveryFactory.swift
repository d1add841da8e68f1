/// A delivery as first drawn, by reference to the factory's tables: cheap to keep and to turn into any version.
struct DemoDraft: Sendable {
    var id: String
    var created: Int64
    /// Index into `DemoDeliveryFactory.configIds` (the known configurations, then the unknown ids).
    var config: Int
    /// Index into `DemoDeliveryFactory.queueIds` (the known queues, then the unknown ids).
    var queue: Int
    var dialMode: Int
    var sms: Bool
    var engagementType: String
}

/// Makes one delivery (its configuration, queue, dial mode, channel, engagement type and fate) and the version of
/// it that is current at a given instant. Shared by the history generator and the live simulator.
struct DemoDeliveryFactory {
    let center: DemoCenter
    let timing: DemoTiming
    private let configIds: [String]
    private let queueIds: [String]
    private let configDialMode: [Int]
    private let configSMS: [Bool]
    private let configQueue: [Int]
    /// Configuration choices for each phase of the history; later phases leave out retired configurations.
    private let phaseStarts: [Double]
    private let phaseChoices: [DemoWeightedChoice]
    /// Whether unknown configuration and queue ids are mixed in.
    private let allowUnknownReferences: Bool
    private static let unknownProfile = DemoConfigProfile(
        volume: 1, retiredAt: nil, aiLed: false, windowSeconds: 86_400)

    init(center: DemoCenter, timing: DemoTiming, allowUnknownReferences: Bool) {
        self.center = center
        self.timing = timing
        self.allowUnknownReferences = allowUnknownReferences
        configIds = center.configurations.map(\.id) + center.unknownConfigurationIds
        queueIds = center.queues.map(\.id) + center.unknownQueueIds
        configDialMode = center.configurations.map { DemoDialMode.code($0.dialMode) }
        configSMS = center.configurations.map { $0.channel == "SMS" }
        configQueue = center.configurations.map { config in
            center.queues.firstIndex { $0.id == config.queueId } ?? 0
        }
        let thresholds = Set(center.profiles.compactMap(\.retiredAt)).sorted()
        phaseStarts = [0] + thresholds
        phaseChoices = phaseStarts.map { phaseStart in
            DemoWeightedChoice(center.profiles.map { profile in
                if let retired = profile.retiredAt, retired <= phaseStart { return 0 }
                return profile.volume
            })
        }
    }

    /// The choice among configurations still running at `position` (0 = start of the history, 1 = its end;
    /// the live feed uses a position past every retirement).
    @inline(__always) private func configurationChoice(at position: Double) -> DemoWeightedChoice {
        var phase = 0
        while phase + 1 < phaseStarts.count && position >= phaseStarts[phase + 1] { phase += 1 }
        return phaseChoices[phase]
    }

    /// Draws a new delivery created at `created`, `position` of the way through the history, and its fate.
    func make(created: Int64, position: Double, rng: inout DemoRandom) -> (draft: DemoDraft, plan: DemoPlan) {
        let id = DemoGUID.make(&rng)
        let known = center.configurations.count
        var config = configurationChoice(at: position).pick(&rng)
        var queue = configQueue[config]
        if allowUnknownReferences && rng.chance(DemoOutcomes.unknownReferenceShare) {
            if rng.chance(0.5) {
                config = known + rng.below(center.unknownConfigurationIds.count)
            } else {
                queue = center.queues.count + rng.below(center.unknownQueueIds.count)
            }
        }
        let dialMode: Int
        let sms: Bool
        let profile: DemoConfigProfile
        if config < known {
            dialMode = configDialMode[config]
            sms = configSMS[config]
            profile = center.profiles[config]
        } else {
            dialMode = rng.below(DemoDialMode.labels.count)
            sms = false
            profile = Self.unknownProfile
        }
        let engagement = (profile.aiLed ? DemoOutcomes.engagementAI : DemoOutcomes.engagementRepresentative)
            .pick(&rng)
        let plan = DemoPlan.draw(
            created: created, dialMode: dialMode, sms: sms, window: profile.windowSeconds, legacy: position < 0.5,
            timing: timing, rng: &rng)
        let draft = DemoDraft(
            id: id, created: created, config: config, queue: queue, dialMode: dialMode, sms: sms,
            engagementType: engagement)
        return (draft, plan)
    }

    /// Where a delivery stands at `now` under its plan.
    enum Stage: Int, Comparable {
        case pending = 0, inProcess, final
        static func < (a: Stage, b: Stage) -> Bool { a.rawValue < b.rawValue }
    }

    static func stage(of plan: DemoPlan, at now: Int64) -> Stage {
        if plan.finalAt <= now { return .final }
        if let callAt = plan.inProcessAt, callAt <= now { return .inProcess }
        return .pending
    }

    /// The version of the delivery at `stage`, and its conversation once the call has been placed. The Pending
    /// version is stamped `pendingModifiedOn`.
    func version(of draft: DemoDraft, plan: DemoPlan, stage: Stage, pendingModifiedOn: Int64)
        -> (delivery: Delivery, conversation: Conversation?)
    {
        var status = "Pending"
        var result = ""
        var modifiedOn = pendingModifiedOn
        var conversation: Conversation? = nil
        switch stage {
        case .pending:
            break
        case .inProcess:
            status = "InProcess"
            modifiedOn = plan.inProcessAt ?? pendingModifiedOn
        case .final:
            status = plan.finalStatus
            result = plan.result
            modifiedOn = plan.finalAt
        }
        let queueId = queueIds[draft.queue]
        if stage != .pending && plan.inProcessAt != nil {
            conversation = Conversation(
                id: plan.conversationId, isOutbound: plan.conversationIsOutbound, queueId: queueId)
        }
        let delivery = Delivery(
            deliveryId: draft.id, createdOn: draft.created, modifiedOn: modifiedOn, status: status, result: result,
            dialMode: draft.dialMode >= 0 ? DemoDialMode.labels[draft.dialMode] : "", configId: configIds[draft.config],
            queueId: queueId, channel: draft.sms ? "SMS" : "Voice", conversationId: conversation?.id ?? "",
            engagementType: draft.engagementType,
            details: DemoContactDetails.details(id: draft.id, config: draft.config, plan: plan, stage: stage,
                                                status: status, result: result))
        return (delivery, conversation)
    }
}
