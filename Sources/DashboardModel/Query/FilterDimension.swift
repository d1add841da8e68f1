/// The list filters of the dashboard (CONTRACT.md), in sidebar order.
public enum FilterDimension: String, CaseIterable, Sendable, Hashable {
    case channel, queue, configuration, conversationType, direction, dialMode, status, result

    /// The title a supervisor reads in the sidebar and header.
    public var title: String {
        switch self {
        case .channel: "Channel"
        case .queue: "Queue"
        case .configuration: "Configuration"
        case .conversationType: "Conversation type"
        case .direction: "Direction"
        case .dialMode: "Dial mode"
        case .status: "Delivery status"
        case .result: "Delivery result"
        }
    }
}
