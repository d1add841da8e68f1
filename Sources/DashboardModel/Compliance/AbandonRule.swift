/// Which law's abandoned-call window the compliance figure follows (DOMAIN.md "Abandoned calls and the law").
/// Both count abandoned calls over calls answered by a live person, per configuration (a campaign), against 3%.
public enum AbandonRule: String, CaseIterable, Hashable, Sendable {
    /// US FTC Telemarketing Sales Rule (16 CFR 310.4(b)(4)) and FCC TCPA: each 30-day period, here the 30 local
    /// days ending with the range's last day.
    case us30d = "us-30d"
    /// UK Ofcom's 2008/2010 statements: any 24 hours, here the range's last local day.
    case uk24h = "uk-24h"

    public static let `default` = AbandonRule.us30d

    /// Local days the window covers.
    public var days: Int {
        switch self {
        case .us30d: 30
        case .uk24h: 1
        }
    }

    /// The window's first and last local day when it ends with `last`.
    public func window(endingOn last: LocalDate) -> (from: LocalDate, to: LocalDate) {
        (last.adding(days: -(days - 1)), last)
    }

    /// The window as a figure's label says it: `30d`, `24h`.
    public var windowLabel: String {
        switch self {
        case .us30d: "30d"
        case .uk24h: "24h"
        }
    }

    /// The window in words, for titles: `30 days`, `24 hours`.
    public var windowWords: String {
        switch self {
        case .us30d: "30 days"
        case .uk24h: "24 hours"
        }
    }
}
