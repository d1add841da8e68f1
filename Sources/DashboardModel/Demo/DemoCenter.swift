/// The plausible contact center the demo data lives in: 8 queues (some with non-ASCII names) and 12 proactive
/// engagement configurations covering every priority and dial mode, one SMS configuration, and three retired
/// (Inactive) ones. Ids are fixed GUIDs, the same for every seed, so a demo store keeps its center.
public struct DemoCenter: Sendable {
    public static let standard = DemoCenter.makeStandard()

    /// The zone whose business hours shape the traffic.
    public let timeZoneIdentifier: String
    public let configurations: [Configuration]
    public let queues: [Queue]
    /// How the demo uses each configuration, parallel to `configurations`.
    let profiles: [DemoConfigProfile]
    /// Ids of configurations and queues that deliveries may point at but the center does not know (deleted ones).
    let unknownConfigurationIds: [String]
    let unknownQueueIds: [String]

    init(
        timeZoneIdentifier: String, configurations: [Configuration], queues: [Queue], profiles: [DemoConfigProfile],
        unknownConfigurationIds: [String], unknownQueueIds: [String]
    ) {
        precondition(configurations.count == profiles.count)
        self.timeZoneIdentifier = timeZoneIdentifier
        self.configurations = configurations
        self.queues = queues
        self.profiles = profiles
        self.unknownConfigurationIds = unknownConfigurationIds
        self.unknownQueueIds = unknownQueueIds
    }

    private static func makeStandard() -> DemoCenter {
        var rng = DemoRandom(seed: 0x5EED_CE17_E400_0001)
        let queueNames = [
            "Collections Q", "Scheduling Desk", "Zürich Retention", "Fraud & Risk", "Cobranza Ñandú",
            "Onboarding", "東京 Callback Q", "Customer Care",
        ]
        let queues = queueNames.map { Queue(id: DemoGUID.make(&rng), name: $0) }
        func queue(_ name: String) -> String { queues.first { $0.name == name }!.id }

        struct Spec {
            var name: String, active: Bool, priority: String, dialMode: String?, channel: String, queue: String
            var volume: Double, retiredAt: Double?, aiLed: Bool, windowHours: Int64
        }
        let specs: [Spec] = [
            Spec(name: "Payment Reminder", active: true, priority: "High", dialMode: "Progressive", channel: "Voice",
                 queue: "Collections Q", volume: 22, retiredAt: nil, aiLed: false, windowHours: 24),
            Spec(name: "Appointment Confirmation", active: true, priority: "Normal", dialMode: "Copilot",
                 channel: "Voice", queue: "Scheduling Desk", volume: 16, retiredAt: nil, aiLed: true, windowHours: 24),
            Spec(name: "Renewal Offer", active: true, priority: "Normal", dialMode: "Predictive", channel: "Voice",
                 queue: "Zürich Retention", volume: 10, retiredAt: nil, aiLed: false, windowHours: 48),
            Spec(name: "Fraud Callback", active: true, priority: "Critical", dialMode: "Preview", channel: "Voice",
                 queue: "Fraud & Risk", volume: 4, retiredAt: nil, aiLed: false, windowHours: 12),
            Spec(name: "Delivery Window Notice", active: true, priority: "Normal", dialMode: nil, channel: "SMS",
                 queue: "Scheduling Desk", volume: 9, retiredAt: nil, aiLed: true, windowHours: 12),
            Spec(name: "Recordatorio de Cobro", active: true, priority: "High", dialMode: "Predictive",
                 channel: "Voice", queue: "Cobranza Ñandú", volume: 8, retiredAt: nil, aiLed: false, windowHours: 24),
            Spec(name: "Welcome Call", active: true, priority: "Normal", dialMode: "Copilot", channel: "Voice",
                 queue: "Onboarding", volume: 6, retiredAt: nil, aiLed: true, windowHours: 48),
            Spec(name: "Callback Request", active: true, priority: "Critical", dialMode: "Progressive",
                 channel: "Voice", queue: "東京 Callback Q", volume: 7, retiredAt: nil, aiLed: false, windowHours: 12),
            Spec(name: "Survey Follow-up", active: true, priority: "Normal", dialMode: "Preview", channel: "Voice",
                 queue: "Customer Care", volume: 5, retiredAt: nil, aiLed: true, windowHours: 48),
            Spec(name: "Winback Spring Promo", active: false, priority: "Normal", dialMode: "Predictive",
                 channel: "Voice", queue: "Zürich Retention", volume: 7, retiredAt: 0.6, aiLed: false, windowHours: 24),
            Spec(name: "Card Activation", active: false, priority: "High", dialMode: "Copilot", channel: "Voice",
                 queue: "Customer Care", volume: 4, retiredAt: 0.8, aiLed: true, windowHours: 24),
            Spec(name: "Legacy Collections Dialer", active: false, priority: "Normal", dialMode: "Progressive",
                 channel: "Voice", queue: "Collections Q", volume: 12, retiredAt: 0.35, aiLed: false, windowHours: 24),
        ]
        let configurations = specs.map {
            Configuration(
                id: DemoGUID.make(&rng), name: $0.name, status: $0.active ? "Active" : "Inactive",
                priority: $0.priority, dialMode: $0.dialMode, channel: $0.channel, queueId: queue($0.queue))
        }
        let profiles = specs.map {
            DemoConfigProfile(
                volume: $0.volume, retiredAt: $0.retiredAt, aiLed: $0.aiLed, windowSeconds: $0.windowHours * 3600)
        }
        let unknownConfigs = (0..<2).map { _ in DemoGUID.make(&rng) }
        let unknownQueues = (0..<2).map { _ in DemoGUID.make(&rng) }
        return DemoCenter(
            timeZoneIdentifier: "America/New_York", configurations: configurations, queues: queues,
            profiles: profiles, unknownConfigurationIds: unknownConfigs, unknownQueueIds: unknownQueues)
    }
}

/// How the demo drives one configuration.
struct DemoConfigProfile: Sendable {
    /// Relative share of the traffic while the configuration runs.
    var volume: Double
    /// For a retired (Inactive) configuration, the point of the history (0 = start, 1 = now) after which it
    /// receives no new deliveries.
    var retiredAt: Double?
    /// Whether its engagements are mostly led by an AI agent.
    var aiLed: Bool
    /// The calling window: a delivery not processed by then expires.
    var windowSeconds: Int64
}
