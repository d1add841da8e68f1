/// A proactive engagement configuration (`msdyn_proactive_engagement_config`).
public struct Configuration: Hashable, Sendable {
    public var id: String
    public var name: String
    /// `Active` / `Inactive`, or nil when the export did not say.
    public var status: String?
    /// `Critical` / `High` / `Normal`, or nil when the export did not say.
    public var priority: String?
    public var dialMode: String?
    public var channel: String?
    public var queueId: String?

    public init(
        id: String, name: String, status: String? = "Active", priority: String? = "Normal", dialMode: String? = nil,
        channel: String? = nil, queueId: String? = nil
    ) {
        self.id = id
        self.name = name
        self.status = status
        self.priority = priority
        self.dialMode = dialMode
        self.channel = channel
        self.queueId = queueId
    }

    public static func statusLabel(choice: Int) -> String? {
        switch choice { case 0: "Active"; case 1: "Inactive"; default: nil }
    }

    public static func priorityLabel(choice: Int) -> String? {
        switch choice { case 1: "Critical"; case 2: "High"; case 3: "Normal"; default: nil }
    }

    public static func channelLabel(choice: Int) -> String? {
        switch choice { case 100_000_000: "Voice"; case 100_000_001: "SMS"; default: nil }
    }
}

/// A queue (`queue`).
public struct Queue: Hashable, Sendable {
    public var id: String
    public var name: String
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// A conversation (`msdyn_ocliveworkitem`): only its direction matters to the dashboard.
public struct Conversation: Hashable, Sendable {
    public var id: String
    /// `msdyn_isoutbound`; nil when the export did not carry it.
    public var isOutbound: Bool?
    public var queueId: String?

    public init(id: String, isOutbound: Bool?, queueId: String? = nil) {
        self.id = id
        self.isOutbound = isOutbound
        self.queueId = queueId
    }
}

/// The direction of a delivery's linked conversation.
public enum Direction: Int, Sendable, CaseIterable {
    /// No linked conversation (or its direction is unknown): never removed by the direction filter.
    case none = 0
    case outgoing = 1
    case incoming = 2

    public var label: String {
        switch self {
        case .none: "(No conversation)"
        case .outgoing: "Outgoing"
        case .incoming: "Incoming"
        }
    }
}
