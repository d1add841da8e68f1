import Foundation
import Testing
@testable import ProactiveTUI
@testable import TerminalUI

@Suite struct KeyBindingsTests {
    /// The first column of the README's Keys table, row by row.
    private func readmeKeyLabels() throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "## Keys"))
        var labels: [String] = []
        var inTable = false
        for line in lines[(start + 1)...] {
            if line.hasPrefix("|") {
                inTable = true
                let cells = line.split(separator: "|", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                guard cells.count >= 3 else { continue }
                labels.append(cells[1])
            } else if inTable {
                break
            }
        }
        // The header row and the dashes under it.
        #expect(Array(labels.prefix(2)) == ["key", "---"])
        return Array(labels.dropFirst(2))
    }

    @Test func readmeListsExactlyTheBindings() throws {
        #expect(try readmeKeyLabels() == KeyBindings.all.map(\.label))
    }

    @Test func helpListsEveryBindingInOrder() {
        #expect(KeyBindings.helpEntries.map(\.keys) == KeyBindings.all.map(\.label))
        #expect(KeyBindings.helpEntries.allSatisfy { !$0.action.isEmpty })
    }

    @Test func noKeyIsBoundTwiceWhereItApplies() {
        let scopes: [KeyScope] = [.always, .dashboard, .sidebar, .panel, .viewList, .list]
        for scope in scopes {
            var seen: [Key: String] = [:]
            for binding in KeyBindings.all {
                for entry in binding.keys where (entry.scopes ?? binding.scopes).contains(scope) {
                    #expect(seen[entry.key] == nil, "\(entry.key) bound by \(seen[entry.key] ?? "") and \(binding.label)")
                    seen[entry.key] = binding.label
                }
            }
        }
    }

    @Test func scopesDecideTheAction() {
        #expect(KeyBindings.action(for: .controlC, in: .always) == .quit)
        #expect(KeyBindings.action(for: .character("q"), in: .always) == nil)
        #expect(KeyBindings.action(for: .character("q"), in: .dashboard) == .quit)
        #expect(KeyBindings.action(for: .controlZ, in: .always) == .suspend)
        #expect(KeyBindings.action(for: .character("/"), in: .sidebar) == .search)
        #expect(KeyBindings.action(for: .character("/"), in: .panel) == nil)
        #expect(KeyBindings.action(for: .character("4"), in: .dashboard) == .zoom(.configurationTable))
        #expect(KeyBindings.action(for: .character("7"), in: .dashboard) == .zoom(.compliance))
        #expect(KeyBindings.action(for: .character("8"), in: .dashboard) == nil)
        #expect(KeyBindings.action(for: .character("p"), in: .dashboard) == .toggleComparison)
        #expect(KeyBindings.action(for: .character("h"), in: .panel) == .move(.left))
        // The list: its own keys; the dashboard's filter keys wait until Esc.
        #expect(KeyBindings.action(for: .character("x"), in: .panel) == .examine)
        #expect(KeyBindings.action(for: .character("x"), in: .list) == nil)
        #expect(KeyBindings.action(for: .character("X"), in: .dashboard) == .examineHeader)
        #expect(KeyBindings.action(for: .character("s"), in: .list) == .cycleSort)
        #expect(KeyBindings.action(for: .character("S"), in: .list) == .reverseSort)
        #expect(KeyBindings.action(for: .character("e"), in: .list) == .exportList)
        #expect(KeyBindings.action(for: .character("/"), in: .list) == .search)
        #expect(KeyBindings.action(for: .escape, in: .list) == .back)
        #expect(KeyBindings.action(for: .end, in: .list) == .last)
        #expect(KeyBindings.action(for: .character("q"), in: .list) == .quit)
        #expect(KeyBindings.action(for: .character("C"), in: .list) == nil)
        #expect(KeyBindings.action(for: .backspace, in: .list) == nil)
        #expect(KeyBindings.action(for: .character("s"), in: .panel) == nil)
        #expect(KeyBindings.action(for: .character("v"), in: .dashboard) == .listViews)
        #expect(KeyBindings.action(for: .character("V"), in: .dashboard) == .saveView)
        #expect(KeyBindings.action(for: .character("V"), in: .viewList) == nil)
        #expect(KeyBindings.action(for: .enter, in: .viewList) == .activate)
        #expect(KeyBindings.action(for: .escape, in: .viewList) == .back)
    }

    @Test func footerHintsByFocus() {
        #expect(KeyBindings.hints(for: .sidebar) ==
            ["Space toggle", "←→ section", "/ search", "c clear", "C clear all", "⌫ undo", "Tab panels", "? keys", "q quit"])
        #expect(KeyBindings.hints(for: .panel) ==
            ["Tab pane", "←→↑↓ select", "Enter filter to selection", "x list", "1-7 zoom", "f sidebar", "C clear all",
             "⌫ undo", "? keys", "q quit"])
        #expect(KeyBindings.hints(for: .list) ==
            ["↑↓ move", "Esc back", "/ search", "s sort", "e export", "S reverse", "? keys", "q quit"])
    }
}
