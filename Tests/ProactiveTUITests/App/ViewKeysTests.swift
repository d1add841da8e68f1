import DashboardModel
import Testing
@testable import ProactiveTUI

@Suite struct ViewKeysTests {
    let data = AppFixture.data

    func controller() -> DashboardController {
        var c = DashboardController(filters: AppFixture.filters)
        c.viewNames = ["morning", "evening"]
        return c
    }

    func type(_ text: String, into c: inout DashboardController) {
        for ch in text { _ = c.handle(.character(ch), data: data) }
    }

    @Test func vListsTheViewsAndEnterAppliesOne() {
        var c = controller()
        #expect(c.handle(.character("v"), data: data) == .redraw)
        #expect(c.state.viewList == ViewList(names: ["morning", "evening"], cursor: 0))
        let screen = TextSnapshot.render(data: data, width: 120, height: 35, unicode: true, state: c.state).joined(separator: "\n")
        #expect(screen.contains("Views (Enter applies, Esc closes)"))
        #expect(screen.contains("▸ morning"))
        // Keys of the list do not reach the panels (q still quits).
        #expect(c.handle(.down, data: data) == .redraw)
        #expect(c.handle(.down, data: data) == .redraw)
        #expect(c.state.viewList?.cursor == 1)
        #expect(c.handle(.enter, data: data) == .applyView("evening"))
        #expect(c.state.viewList == nil)
        _ = c.handle(.character("v"), data: data)
        #expect(c.handle(.escape, data: data) == .redraw)
        #expect(c.state.viewList == nil)
        _ = c.handle(.character("v"), data: data)
        #expect(c.handle(.character("q"), data: data) == .quit)
    }

    @Test func emptyListSaysHowToSave() {
        var c = DashboardController(filters: AppFixture.filters)
        _ = c.handle(.character("v"), data: data)
        let screen = TextSnapshot.render(data: data, width: 120, height: 35, unicode: true, state: c.state).joined(separator: "\n")
        #expect(screen.contains("No saved views: V saves these filters as one"))
        #expect(c.handle(.enter, data: data) == .redraw)
    }

    @Test func shiftVAsksANameAndChecksIt() {
        var c = controller()
        #expect(c.handle(.character("V"), data: data) == .redraw)
        #expect(c.state.input?.purpose == .viewName)
        type("bad name", into: &c)
        #expect(c.handle(.enter, data: data) == .redraw)
        #expect(c.state.message == "a view's name takes 1 to 40 letters, digits, - and _")
        _ = c.handle(.character("V"), data: data)
        type("late-shift_2", into: &c)
        #expect(c.handle(.enter, data: data) == .saveView("late-shift_2"))
        // On the wall there is no footer to type in: V does nothing there (v still lists the views).
        var wall = DashboardController(filters: AppFixture.filters, wall: true)
        #expect(wall.handle(.character("V"), data: data) == .none)
        #expect(wall.state.input == nil)
        #expect(wall.handle(.character("v"), data: data) == .redraw)
    }

    @Test func aShownViewIsNamedUntilTheFiltersChange() {
        var c = controller()
        var other = AppFixture.filters
        other.set(.status, ["Complete"])
        #expect(c.showView("morning", filters: other) == .requery)
        #expect(c.filters == other && c.activeView == "morning")
        // V proposes the view's own name.
        _ = c.handle(.character("V"), data: data)
        #expect(c.state.input?.text == "morning")
        _ = c.handle(.escape, data: data)
        // Backspace undoes the view like any filter change; the name goes with it.
        #expect(c.handle(.backspace, data: data) == .requery)
        #expect(c.activeView == nil)
        var context = ScreenContext(theme: .unicode(colors: false))
        context.viewName = "morning"
        let lines = ScreenComposer.compose(data: data, state: c.state, context: context, width: 120, height: 35).grid.lines()
        #expect(lines[1].hasPrefix("View morning · 2026-11-02..2026-11-06"))
    }
}

@Suite struct AlertCommandTests {
    @Test func environmentCarriesTheFigure() {
        let env = AlertCommand.environment(for: AlertEvent(figure: .abandonedRate, level: .alert, value: 0.0312), base: ["PATH": "/bin"])
        #expect(env == ["PATH": "/bin", "PROACTIVE_TUI_FIGURE": "abandoned-rate", "PROACTIVE_TUI_LEVEL": "alert",
                        "PROACTIVE_TUI_VALUE": "0.0312"])
        #expect(AlertCommand.valueText(149) == "149")
        #expect(AlertCommand.valueText(.infinity) == "inf")
        #expect(AlertCommand.valueText(0.5) == "0.5")
    }
}
