import Foundation
import CoreValues

/// Where the store lives when `--db` is not given (CONTRACT.md): `$PROACTIVE_TUI_DB`, else
/// `$XDG_DATA_HOME/proactive-tui/store.sqlite`, else `~/.local/share/proactive-tui/store.sqlite`.
public enum StoreLocation {
    public static func defaultPath(environment: [String: String] = ProcessEnvironment.values) -> String {
        if let explicit = environment["PROACTIVE_TUI_DB"], !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/proactive-tui/store.sqlite" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/proactive-tui/store.sqlite"
    }

    public static func resolve(_ explicit: String?) -> String { explicit ?? defaultPath() }
}
