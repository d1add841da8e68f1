/// A delivery's life-cycle status (`msdyn_status`). Values never seen before are kept as `.other`.
public enum DeliveryStatus: Hashable, Sendable, CustomStringConvertible {
    case pending, inProcess, complete, expired, cancelled, error
    case other(String)

    public static let known: [DeliveryStatus] = [.pending, .inProcess, .complete, .expired, .cancelled, .error]

    public init(_ raw: String) {
        self = KnownValues.match(raw, in: Self.known, label: \.label) ?? .other(raw)
    }

    public var label: String {
        switch self {
        case .pending: "Pending"
        case .inProcess: "InProcess"
        case .complete: "Complete"
        case .expired: "Expired"
        case .cancelled: "Cancelled"
        case .error: "Error"
        case .other(let raw): raw
        }
    }

    public var isKnown: Bool { if case .other = self { false } else { true } }
    public var description: String { label }
}
