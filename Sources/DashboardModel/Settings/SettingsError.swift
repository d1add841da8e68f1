/// A problem with the settings file, with where it is (file, and line and column when they are known). The model
/// keeps the values; each surface (command line, the dashboard's footer) words them for its reader.
public struct SettingsError: Error, Equatable, Sendable {
    public enum Problem: Equatable, Sendable {
        /// The TOML parser's own description of a syntax error.
        case syntax(String)
        /// A key the settings do not have, by its dotted path, and the keys accepted at that place.
        case unknownKey(path: String, accepted: [String])
        /// A value of the wrong TOML type: what the key takes and what was found.
        case wrongType(path: String, expected: String, found: String)
        /// A value of the right type that the key refuses, and why (`warn` after `alert`, a share above 1).
        case badValue(path: String, reason: String)
        /// A view's value that its flag refuses: the flag's own message.
        case viewValue(view: String, key: String, message: String)
        /// `--settings` named a file that does not exist (a missing default file is no error).
        case missingFile
        /// The file exists but cannot be read (permissions, a directory, not UTF-8).
        case unreadable(String)
        /// `--view` or `--cycle-views` named a view the file does not define.
        case noSuchView(String, available: [String])
        /// A name a view cannot take (saving from the dashboard).
        case invalidViewName(String)
        /// The view is defined in a form the dashboard does not rewrite (inline or with dotted keys), so it is left
        /// alone rather than edited wrongly.
        case viewNotEditable(String)
        /// Writing the file failed.
        case writeFailed(String)
    }

    public var file: String
    public var line: Int?
    public var column: Int?
    public var problem: Problem

    public init(file: String, line: Int? = nil, column: Int? = nil, _ problem: Problem) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// `FILE:LINE:COLUMN` (as compilers write it), or less when the place is not known.
    public var place: String {
        var text = file
        if let line { text += ":\(line)" }
        if let line = line, line > 0, let column { text += ":\(column)" }
        return text
    }
}
