/// Turns choice columns (numbers or labels) into the labels the dashboard shows.
/// Known values are canonicalised; values never seen before are kept as they are.
enum ChoiceLabels {
    static let channelLabels = ["Voice", "SMS"]

    /// A configuration's `statecode`: 0 Active, 1 Inactive.
    static func configStatus(_ value: ChoiceValue?, formatted: String?) -> String? {
        label(value, formatted: formatted, known: ["Active", "Inactive"], number: Configuration.statusLabel(choice:))
    }

    /// A configuration's `msdyn_priority`: 1 Critical, 2 High, 3 Normal.
    static func priority(_ value: ChoiceValue?, formatted: String?) -> String? {
        label(value, formatted: formatted, known: ["Critical", "High", "Normal"], number: Configuration.priorityLabel(choice:))
    }

    /// `msdyn_dialmode_type`: 100000000 Copilot ... 100000003 Predictive, or a label.
    static func dialMode(_ value: ChoiceValue?, formatted: String?) -> String? {
        switch value {
        case nil: return formatted.map { DialMode($0).label }
        case .number(let n): return DialMode.fromChoice(n)?.label ?? formatted.map { DialMode($0).label } ?? String(n)
        case .label(let text): return DialMode(text).label
        }
    }

    /// A channel: a configuration's `msdyn_type` (100000000 Voice, 100000001 SMS), a conversation's
    /// `msdyn_channel` (192370000 Voice, 192440000 Voice call, 192340000 SMS), or a label (`Voice call` reads `Voice`).
    static func channel(_ value: ChoiceValue?, formatted: String?) -> String? {
        switch value {
        case nil: return formatted.map(channelLabel)
        case .number(let n): return channelLabel(number: n) ?? formatted.map(channelLabel) ?? String(n)
        case .label(let text): return channelLabel(text)
        }
    }

    static func channelLabel(number: Int) -> String? {
        switch number {
        case 192_370_000, 192_440_000: "Voice"
        case 192_340_000: "SMS"
        default: Configuration.channelLabel(choice: number)
        }
    }

    static func channelLabel(_ text: String) -> String {
        if let exact = KnownValues.match(text, in: channelLabels, label: { $0 }) { return exact }
        if KnownValues.normalize(text) == "voicecall" { return "Voice" }
        return text
    }

    private static func label(
        _ value: ChoiceValue?, formatted: String?, known: [String], number: (Int) -> String?
    ) -> String? {
        func canonical(_ text: String) -> String { KnownValues.match(text, in: known, label: { $0 }) ?? text }
        switch value {
        case nil: return formatted.map(canonical)
        case .number(let n): return number(n) ?? formatted.map(canonical) ?? String(n)
        case .label(let text): return canonical(text)
        }
    }
}
