/// How a delivery ended (`msdyn_result`). Values never seen before are kept as `.other`.
public struct DeliveryResult: Hashable, Sendable, CustomStringConvertible {
    public let label: String

    /// Every result the Dataverse documentation lists, voice first, then the legacy and SMS values.
    public static let knownLabels: [String] = [
        "CallEnded", "CallFailed", "BotFailed", "NoAnswer", "LiveAnswer", "AnsweringMachine",
        "AnsweringMachineHangup", "Undetermined", "NotAHandset", "InvalidAddress", "NonRetriableError",
        "Abandoned", "Terminated", "CSRCancelled", "Unknown", "Cancelled", "Expired", "Error", "Busy",
        "MessageSent", "MessageFailed", "MessageDelivered", "MessageUndelivered",
    ]

    /// Results that mean a person (or a bot on their behalf) was reached: the connect rate's numerator.
    public static let connectedLabels: Set<String> = ["CallEnded", "LiveAnswer", "Abandoned", "CSRCancelled"]
    /// Results that mean the callee answered but no representative took the call: the abandoned rate's numerator.
    public static let abandonedLabels: Set<String> = ["Abandoned"]

    public init(_ raw: String) {
        label = KnownValues.match(raw, in: Self.knownLabels, label: { $0 }) ?? raw
    }

    public var isKnown: Bool { Self.knownLabels.contains(label) }
    public var description: String { label }
}
