import TerminalUI

/// Every key of the dashboard, in the order the help overlay and the README's Keys table list them. The controller
/// dispatches from this table, and the help overlay and the footer hints are drawn from it.
enum KeyBindings {
    typealias Hint = KeyBinding.Hint

    static let all: [KeyBinding] = [
        KeyBinding("Tab / Shift-Tab", [.dashboard], [(.tab, .nextPane), (.backTab, .previousPane)],
                   help: "next / previous pane",
                   hints: [Hint(scope: .sidebar, rank: 7, text: "Tab panels"), Hint(scope: .panel, rank: 1, text: "Tab pane")]),
        KeyBinding("arrows, h j k l", [.sidebar, .panel, .viewList, .list],
                   [(.up, .move(.up)), (.character("k"), .move(.up)), (.down, .move(.down)), (.character("j"), .move(.down)),
                    (.left, .move(.left)), (.character("h"), .move(.left)), (.right, .move(.right)),
                    (.character("l"), .move(.right))],
                   help: "move (chart: ←→ day, ↑↓ status)",
                   hints: [Hint(scope: .sidebar, rank: 2, text: "←→ section"), Hint(scope: .panel, rank: 2, text: "←→↑↓ select"),
                           Hint(scope: .list, rank: 1, text: "↑↓ move")]),
        KeyBinding("PgUp / PgDn, Home / End", [.sidebar, .panel, .list],
                   [(.pageUp, .pageUp), (.pageDown, .pageDown), (.home, .first), (.end, .last)],
                   help: "page, first / last"),
        KeyBinding("Space", [.sidebar, .panel], [(.character(" "), .toggle)],
                   help: "toggle the value under the cursor",
                   hints: [Hint(scope: .sidebar, rank: 1, text: "Space toggle")]),
        KeyBinding("Enter", [.sidebar, .panel, .viewList], [(.enter, .activate)],
                   help: "apply / cross-filter on the selection",
                   hints: [Hint(scope: .panel, rank: 3, text: "Enter filter to selection")]),
        KeyBinding("c", [.sidebar, .panel], [(.character("c"), .clearFocused)],
                   help: "clear the focused filter",
                   hints: [Hint(scope: .sidebar, rank: 4, text: "c clear")]),
        KeyBinding("C", [.dashboard], [(.character("C"), .clearAll)],
                   help: "clear all filters",
                   hints: [Hint(scope: .sidebar, rank: 5, text: "C clear all"), Hint(scope: .panel, rank: 6, text: "C clear all")]),
        KeyBinding("Backspace", [.dashboard], [(.backspace, .undo)],
                   help: "undo the last filter change",
                   hints: [Hint(scope: .sidebar, rank: 6, text: "⌫ undo"), Hint(scope: .panel, rank: 7, text: "⌫ undo")]),
        KeyBinding(PanelID.zoomKeysLabel, [.dashboard],
                   PanelID.allCases.map { panel in (.character(Character(String(panel.rawValue))), .zoom(panel)) },
                   help: "zoom a panel (again to restore)",
                   hints: [Hint(scope: .panel, rank: 4, text: PanelID.zoomKeysLabel + " zoom")]),
        KeyBinding("Esc", [.dashboard, .viewList, .list], [(.escape, .back)],
                   help: "restore zoom / clear search / leave the sidebar or the list",
                   hints: [Hint(scope: .list, rank: 2, text: "Esc back")]),
        KeyBinding("/", [.sidebar, .list], [(.character("/"), .search)],
                   help: "search the focused list (the list: id, address, codes)",
                   hints: [Hint(scope: .sidebar, rank: 3, text: "/ search"), Hint(scope: .list, rank: 3, text: "/ search")]),
        KeyBinding("x / X", [.dashboard, .list], [(.character("x"), .examine), (.character("X"), .examineHeader)],
                   help: "list the deliveries behind the selection / a header figure",
                   hints: [Hint(scope: .panel, rank: 3, text: "x list")],
                   only: [.character("x"): [.panel]]),
        KeyBinding("s / S / e", [.list],
                   [(.character("s"), .cycleSort), (.character("S"), .reverseSort), (.character("e"), .exportList)],
                   help: "list: sort by the next column / reverse it / write a CSV",
                   hints: [Hint(scope: .list, rank: 4, text: "s sort"), Hint(scope: .list, rank: 6, text: "S reverse"),
                           Hint(scope: .list, rank: 5, text: "e export")]),
        KeyBinding("t / d", [.dashboard], [(.character("t"), .typeTimeZone), (.character("d"), .typeDates)],
                   help: "type a time zone / a date range"),
        KeyBinding("f", [.dashboard], [(.character("f"), .toggleSidebar)],
                   help: "fold or show the sidebar",
                   hints: [Hint(scope: .panel, rank: 5, text: "f sidebar")]),
        KeyBinding("p", [.dashboard], [(.character("p"), .toggleComparison)],
                   help: "show / hide the change from the previous period"),
        KeyBinding("w", [.dashboard], [(.character("w"), .toggleWall)], help: "wall mode"),
        KeyBinding("v / V", [.dashboard], [(.character("v"), .listViews), (.character("V"), .saveView)],
                   help: "saved views: list and apply one / save these filters as one",
                   only: [.character("v"): [.dashboard, .viewList]]),
        // One row for the mouse and one for Ctrl-L / Ctrl-Z: the help has to fit 80x24 (22 rows and its frame).
        KeyBinding("click, wheel, M", [.dashboard],
                   [(.mouse(.left), .point), (.mouse(.wheelUp), .move(.up)), (.mouse(.wheelDown), .move(.down)),
                    (.character("M"), .toggleMouse)],
                   help: "click: select, again: Enter; wheel: scroll; M: mouse off/on"),
        KeyBinding("Ctrl-L / Ctrl-Z", [.always], [(.controlL, .repaint), (.controlZ, .suspend)],
                   help: "repaint the screen / suspend (fg to come back)"),
        KeyBinding("?", [.dashboard, .list], [(.character("?"), .showHelp)], help: "this help",
                   hints: [Hint(scope: .sidebar, rank: 8, text: "? keys"), Hint(scope: .panel, rank: 8, text: "? keys"),
                           Hint(scope: .list, rank: 8, text: "? keys")]),
        KeyBinding("q, Ctrl-C", [.dashboard, .viewList, .list], [(.character("q"), .quit), (.controlC, .quit)], help: "quit",
                   hints: [Hint(scope: .sidebar, rank: 9, text: "q quit"), Hint(scope: .panel, rank: 9, text: "q quit"),
                           Hint(scope: .list, rank: 9, text: "q quit")],
                   only: [.controlC: [.always]]),
    ]

    /// The action `key` takes in `scope`, if any.
    static func action(for key: Key, in scope: KeyScope) -> KeyAction? {
        for binding in all {
            if let action = binding.action(for: key, in: scope) { return action }
        }
        return nil
    }

    /// The footer's hints for a focus, most important first.
    static func hints(for scope: KeyScope) -> [String] {
        all.flatMap { $0.hints.filter { $0.scope == scope } }.sorted { $0.rank < $1.rank }.map(\.text)
    }

    /// The help overlay's entries.
    static var helpEntries: [HelpOverlay.Entry] {
        all.map { HelpOverlay.Entry($0.label, $0.help) }
    }
}
