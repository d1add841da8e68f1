import DashboardModel

/// How the command line words an error the model or the store raised: typed errors get the command line's words
/// (what to run, which flag), others their own description.
public enum ErrorText {
    public static func describe(_ error: Error) -> String { worded(error) ?? "\(error)" }

    /// The command line's wording of one of the model's typed errors; nil for any other error.
    public static func worded(_ error: Error) -> String? {
        switch error {
        case let missing as StoreMissing: missing.commandLineText
        case let directory as StoreIsDirectory: directory.commandLineText
        case let filter as FilterError: filter.commandLineText
        case let settings as SettingsError: settings.commandLineText
        default: nil
        }
    }
}

extension StoreMissing {
    public var commandLineText: String {
        "no store at \(path)\(fileIsEmpty ? " (the file is empty)" : ""): create one with `proactive-tui import FILE...` "
            + "or `proactive-tui demo`, or name one with --db"
    }
}

extension StoreIsDirectory {
    public var commandLineText: String { "\(path) is a directory: name the store's file, e.g. --db \(suggestedFile)" }
}
