import DashboardModel
import CoreValues
import Foundation

/// Where the settings file is and how it is read: `--settings PATH`, else `$XDG_CONFIG_HOME/proactive-tui/settings.toml`,
/// else `~/.config/proactive-tui/settings.toml`. A missing default file means no settings; a missing file that was
/// named is an error.
public enum SettingsFile {
    public static func defaultPath(environment: [String: String] = ProcessEnvironment.values) -> String {
        let base: String
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = (home as NSString).appendingPathComponent(".config")
        }
        return ((base as NSString).appendingPathComponent("proactive-tui") as NSString).appendingPathComponent("settings.toml")
    }

    /// The settings in `path` (or the default file when `path` is nil).
    public static func load(path: String?, environment: [String: String] = ProcessEnvironment.values) throws -> Settings {
        let file = path ?? defaultPath(environment: environment)
        guard let text = try read(file, required: path != nil) else { return .empty }
        return try SettingsParser.parse(text, file: file)
    }

    /// The file's text; nil when it does not exist and is not required.
    static func read(_ file: String, required: Bool) throws -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            if required { throw SettingsError(file: file, .missingFile) }
            return nil
        }
        if isDirectory.boolValue { throw SettingsError(file: file, .unreadable("it is a directory")) }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw SettingsError(file: file, .unreadable("permission denied or not a regular file"))
        }
        // TOML is UTF-8; a byte that is not is refused, never replaced.
        guard let text = String(validating: data, as: UTF8.self) else {
            throw SettingsError(file: file, .unreadable("not UTF-8 text"))
        }
        return text
    }
}
