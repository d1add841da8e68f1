/// The keys of a `[views.NAME]` table: the filter flags' names, meaning exactly what the flags mean.
public enum ViewKey: String, CaseIterable, Sendable, Hashable {
    case last, from, to
    case allDates = "all-dates"
    case tz, channel, queue, config, status, result
    case dialMode = "dial-mode"
    case conversationType = "conversation-type"
    case direction

    /// The keys that choose the date range (at most one kind in force: `last`, `from`/`to`, or `all-dates`).
    public var isDateRange: Bool { [.last, .from, .to, .allDates].contains(self) }

    /// The list filter the key sets, for the repeatable ones.
    public var dimension: FilterDimension? {
        switch self {
        case .channel: .channel
        case .queue: .queue
        case .config: .configuration
        case .status: .status
        case .result: .result
        case .dialMode: .dialMode
        case .conversationType: .conversationType
        case .direction: .direction
        case .last, .from, .to, .allDates, .tz: nil
        }
    }

    public static func key(for dimension: FilterDimension) -> ViewKey {
        allCases.first { $0.dimension == dimension } ?? .channel
    }
}

/// A view's value as the file gives it: text, a whole number, a list of texts, or a switch (`all-dates = true`).
public enum ViewValue: Hashable, Sendable {
    case text(String)
    case number(Int)
    case list([String])
    case flag(Bool)

    /// The value as one or more flag values, as they would be typed.
    public var texts: [String] {
        switch self {
        case .text(let s): [s]
        case .number(let n): [String(n)]
        case .list(let items): items
        case .flag(let on): on ? ["true"] : []
        }
    }
}
