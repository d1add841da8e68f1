import DashboardModel
import TerminalUI

extension SettingsError {
    /// `FILE:LINE:COLUMN: what is wrong (what is accepted)`, as compilers write it.
    public var commandLineText: String {
        let at = SafeText.value(place) + ": "
        func list(_ items: [String]) -> String { items.map { SafeText.value($0) }.joined(separator: ", ") }
        switch problem {
        case .syntax(let description): return at + "TOML syntax: " + SafeText.value(description)
        case .unknownKey(let path, let accepted):
            return at + "unknown key \(SafeText.value(path)) (accepted here: \(list(accepted)))"
        case .wrongType(let path, let expected, let found):
            return at + "\(SafeText.value(path)) takes \(expected), not \(found)"
        case .badValue(let path, let reason): return at + "\(SafeText.value(path)): \(reason)"
        case .viewValue(let view, let key, let message):
            return at + "view \(SafeText.value(view))" + (key.isEmpty ? "" : ", \(key)") + ": " + message
        case .missingFile: return at + "no such settings file (--settings)"
        case .unreadable(let reason): return at + "cannot read the settings file: \(reason)"
        case .noSuchView(let name, let available):
            return at + "no view named \(SafeText.value(name)) ("
                + (available.isEmpty ? "the file defines none: add a [views.NAME] table" : "views: \(list(available))") + ")"
        case .invalidViewName(let name):
            return "view name \(SafeText.value(name)): takes 1 to 40 letters, digits, - and _"
        case .viewNotEditable(let name):
            return at + "view \(SafeText.value(name)) is not written as its own [views.\(SafeText.value(name))] table; edit it by hand"
        case .writeFailed(let reason): return at + "cannot write the settings file: \(reason)"
        }
    }
}
