import DashboardModel

extension FilterDimension {
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
}

extension FilterError {
    /// Worded for the command line: what was wrong, with the flag, and what is accepted (values bounded and quoted,
    /// as data text is hostile).
    public var commandLineText: String {
        switch self {
        case .unknownValue(let dimension, let given, let accepted):
            let list = accepted.map {
                $0.label == $0.value ? TextSafety.bounded($0.value)
                    : "\(TextSafety.bounded($0.label)) (\(TextSafety.bounded($0.value)))"
            }
            return "unknown \(dimension.title.lowercased()) \(TextSafety.quoted(given)) for \(dimension.flag); accepted: "
                + (list + ["all"]).joined(separator: ", ")
        case .unknownTimeZone(let name):
            return "unknown time zone \(TextSafety.quoted(name)) for --tz; accepted: an IANA name such as UTC, "
                + "America/New_York, Europe/London, Asia/Kolkata, Asia/Kathmandu, Australia/Lord_Howe"
        case .moreThanOneRange:
            return "choose one of --last, --all-dates, or --from/--to"
        case .lastDaysOutOfRange(let n):
            let bounds = FilterValidator.lastDaysBounds
            return "--last takes a number of days from \(bounds.lowerBound) to \(bounds.upperBound), not \(n)"
        case .notADate(let bound, let text):
            return "\(bound == .from ? "--from" : "--to") \(TextSafety.quoted(text)) is not a date; accepted: YYYY-MM-DD, e.g. 2026-11-01"
        case .fromAfterTo(let a, let b):
            return "--from \(a.iso) is after --to \(b.iso)"
        }
    }
}
