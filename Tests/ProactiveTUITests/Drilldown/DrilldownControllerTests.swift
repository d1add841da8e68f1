import DashboardModel
import Testing
@testable import ProactiveTUI
@testable import TerminalUI

/// The keys of the drill-down through the controller: `x` opens the list of the selection (and says what to select
/// when nothing is), the list's keys act on the list only, `/` types a search applied on Enter, `e` asks for the
/// export, `X` cycles the header figures, and Esc returns to the dashboard exactly as it was.
@Suite struct DrilldownControllerTests {
    let data = AppFixture.data

    @discardableResult
    func send(_ c: inout DashboardController, _ keys: [Key], geometry: ViewGeometry = ViewGeometry()) -> [ControllerEffect] {
        keys.map { c.handle($0, data: data, geometry: geometry) }
    }

    @Test func xOpensTheSelectionAndEscReturnsAsItWas() {
        var c = DashboardController(filters: AppFixture.filters)
        send(&c, [.character("2")])
        #expect(send(&c, [.character("x")]) == [.redraw])
        #expect(c.state.list == nil)
        #expect(c.state.message == DrilldownRefusal.noSelection.description)
        send(&c, [.down, .down])
        let before = (c.state.focus, c.state.selection, c.state.zoomed, c.filters)
        #expect(send(&c, [.character("x")]) == [.loadList])
        let list = try? #require(c.state.list)
        #expect(list?.target.selection == .result("NoAnswer"))
        #expect(list?.target.figure == 1500)
        #expect(list?.target.label == "Result NoAnswer")
        // The dashboard's keys wait: C, Backspace, Tab and 1-6 do nothing to the filters or the focus.
        send(&c, [.character("C"), .backspace, .tab, .character("4"), .character("w")])
        #expect(c.filters == before.3)
        #expect(c.state.focus == before.0)
        #expect(c.state.wall == false)
        #expect(send(&c, [.down, .pageDown, .end, .home, .character("s"), .character("S")]).allSatisfy { $0 == .loadList })
        #expect(c.state.list?.sort == DeliverySort(.deliveryId, descending: true))
        #expect(send(&c, [.escape]) == [.redraw])
        #expect(c.state.list == nil)
        #expect(c.state.focus == before.0)
        #expect(c.state.selection == before.1)
        #expect(c.state.zoomed == before.2)
        #expect(c.filters == before.3)
    }

    @Test func searchIsTypedAndAppliedOnEnter() {
        var c = DashboardController(filters: AppFixture.filters)
        send(&c, [.character("4"), .down])
        send(&c, [.character("x")])
        #expect(c.state.list?.target.selection == .configuration(id: "cfg-geneve", processedOnly: false))
        #expect(send(&c, [.character("/")]) == [.redraw])
        #expect(c.state.input?.purpose == .listSearch)
        // Typed letters are the search, not keys (s would sort, q would quit).
        #expect(send(&c, "sq-1".map { Key.character($0) }).allSatisfy { $0 == .redraw })
        #expect(c.state.list?.search == "")
        #expect(send(&c, [.enter]) == [.loadList])
        #expect(c.state.list?.search == "sq-1")
        #expect(c.state.input == nil)
        // Esc while typing keeps the search as it was.
        send(&c, [.character("/"), .backspace, .backspace, .escape])
        #expect(c.state.list?.search == "sq-1")
        #expect(c.state.list != nil)
        #expect(send(&c, [.character("e")]) == [.exportList])
        #expect(send(&c, [.character("q")]) == [.quit])
    }

    @Test func xCyclesTheHeaderFigures() {
        var c = DashboardController(filters: AppFixture.filters)
        var seen: [(DeliverySelection, Int)] = []
        for _ in 0..<6 {
            #expect(send(&c, [.character("X")]) == [.loadList])
            if let target = c.state.list?.target { seen.append((target.selection, target.figure)) }
        }
        #expect(seen.map(\.0) == [.all, .processed, .pending, .inProgress, .processedLastHour, .all])
        #expect(seen.map(\.1) == [6430, 5550, 400, 160, 240, 6430])
        send(&c, [.escape])
        #expect(c.state.list == nil)
        // The wall has no selection: X is how its tiles' figures open.
        var wall = DashboardController(filters: AppFixture.filters, wall: true)
        #expect(send(&wall, [.character("X")]) == [.loadList])
        #expect(wall.state.list?.target.figure == 6430)
    }

    @Test func helpOverTheListClosesOnAnyKey() {
        var c = DashboardController(filters: AppFixture.filters)
        send(&c, [.character("X"), .character("?")])
        #expect(c.state.showHelp)
        #expect(send(&c, [.character("s")]) == [.redraw])
        #expect(!c.state.showHelp)
        #expect(c.state.list?.sort == .created, "the key that closes the help does nothing else")
        #expect(KeyBindings.helpEntries.contains { $0.keys == "x / X" && $0.action.contains("deliveries") })
        // Every key fits the help's height at 80x24; the list's entries are no wider than the widest before them.
        #expect(HelpOverlay(entries: KeyBindings.helpEntries).preferredSize.height <= 24)
        let listEntries = KeyBindings.helpEntries.filter { ["x / X", "s / S / e", "/", "Esc"].contains($0.keys) }
        #expect(listEntries.map { DisplayWidth.of($0.action) }.max() ?? 0 <= DisplayWidth.of("saved views: list and apply one / save these filters as one"))
    }
}
