/// The organization's tables the sync reads, by their Web API entity sets.
public enum SyncTable: String, CaseIterable, Sendable, Codable {
    case deliveries, configurations, queues, conversations

    /// The Web API v9.2 entity set.
    public var entitySet: String {
        switch self {
        case .deliveries: "msdyn_proactive_deliveries"
        case .configurations: "msdyn_proactive_engagement_configs"
        case .queues: "queues"
        case .conversations: "msdyn_ocliveworkitems"
        }
    }

    /// The table of an entity set, nil for one this program does not read.
    public init?(entitySet: String) {
        guard let table = Self.allCases.first(where: { $0.entitySet == entitySet }) else { return nil }
        self = table
    }
}
