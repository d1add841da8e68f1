import TerminalUI

/// One row of the key table: the keys as the help and README name them, where they apply, what each key does, the
/// help text, and the footer hints it gives (in the manner of lazygit's `Binding`).
struct KeyBinding {
    /// A hint in the footer: its text and its rank among the hints of that focus (lower is kept longer).
    struct Hint {
        var scope: KeyScope
        var rank: Int
        var text: String
    }

    /// The keys as shown in the help overlay and the README's Keys table: `Tab / Shift-Tab`.
    var label: String
    var scopes: Set<KeyScope>
    /// Each key, the action it takes, and where it applies when that differs from `scopes` (`Ctrl-C` quits even
    /// while typing, `q` does not).
    var keys: [(key: Key, action: KeyAction, scopes: Set<KeyScope>?)]
    /// The help overlay's text.
    var help: String
    var hints: [Hint]

    init(_ label: String, _ scopes: Set<KeyScope>, _ keys: [(Key, KeyAction)], help: String, hints: [Hint] = [],
         only: [Key: Set<KeyScope>] = [:]) {
        self.label = label
        self.scopes = scopes
        self.keys = keys.map { ($0.0, $0.1, only[$0.0]) }
        self.help = help
        self.hints = hints
    }

    func action(for key: Key, in scope: KeyScope) -> KeyAction? {
        guard let entry = keys.first(where: { $0.key == key }), (entry.scopes ?? scopes).contains(scope) else { return nil }
        return entry.action
    }
}
