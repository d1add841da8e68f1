import Testing
@testable import ProactiveTUI
@testable import TerminalUI

/// The help overlay drawn from the key table lists every key.
@Suite struct HelpOverlayKeysTests {
    @Test func standardListHasEveryKey() {
        let keys = KeyBindings.helpEntries.map(\.keys).joined(separator: " ")
        for k in ["Tab", "Space", "Enter", "c", "C", "Backspace", "1-7", "p", "w", "/", "?", "q", "Home", "Esc", "Ctrl-Z"] {
            #expect(keys.contains(k))
        }
        let g = rendered(70, 22) { g, r in
            HelpOverlay(entries: KeyBindings.helpEntries).render(into: &g, area: r, theme: .ascii())
        }
        #expect(g.lines().contains { $0.contains("Backspace") && $0.contains("undo the last filter change") })
    }
}
