/// How the dialer places calls (`msdyn_dialmode_type`). Choice numbers 100000000... map to labels.
public enum DialMode: Hashable, Sendable, CustomStringConvertible {
    case copilot, progressive, preview, predictive
    case other(String)

    public static let known: [DialMode] = [.copilot, .progressive, .preview, .predictive]

    public init(_ raw: String) {
        if let code = Int(raw), let mode = Self.fromChoice(code) { self = mode; return }
        self = KnownValues.match(raw, in: Self.known, label: \.label) ?? .other(raw)
    }

    public static func fromChoice(_ code: Int) -> DialMode? {
        switch code {
        case 100_000_000: .copilot
        case 100_000_001: .progressive
        case 100_000_002: .preview
        case 100_000_003: .predictive
        default: nil
        }
    }

    public var label: String {
        switch self {
        case .copilot: "Copilot"
        case .progressive: "Progressive"
        case .preview: "Preview"
        case .predictive: "Predictive"
        case .other(let raw): raw
        }
    }

    public var isKnown: Bool { if case .other = self { false } else { true } }
    public var description: String { label }
}
