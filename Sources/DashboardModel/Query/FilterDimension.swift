/// The list filters of the dashboard (CONTRACT.md), in sidebar order.
public enum FilterDimension: String, CaseIterable, Sendable, Hashable {
    case channel, queue, configuration, conversationType, direction, dialMode, status, result

    /// The command-line flag that sets this filter.
    public var flag: String {
        switch self {
        case .channel: "--channel"
        case .queue: "--queue"
        case .configuration: "--config"
        case .conversationType: "--conversation-type"
        case .direction: "--direction"
        case .dialMode: "--dial-mode"
        case .status: "--status"
        case .result: "--result"
        }
    }

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
