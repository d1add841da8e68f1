import DashboardModel
import Testing
@testable import ProactiveTUI
@testable import TerminalUI

/// Keys of issue 13: `p` toggles the change from the previous period; `7` zooms the compliance panel, whose rows
/// move with the arrows and filter to their configuration with Enter.
@Suite struct ComplianceControllerTests {
    let data = AppFixture.withComparison

    @Test func pTogglesTheComparison() {
        var c = DashboardController(filters: AppFixture.filters)
        #expect(c.state.showComparison)
        #expect(c.handle(.character("p"), data: data) == .redraw)
        #expect(!c.state.showComparison)
        let off = ScreenComposer.compose(data: data, state: c.state, context: ScreenContext(theme: .unicode(colors: false)),
                                         width: 120, height: 35).grid.lines()
        #expect(!off[0].contains("▲") && !off.joined().contains("Δ prev"))
        #expect(c.handle(.character("p"), data: data) == .redraw)
        #expect(c.state.showComparison)
        let on = ScreenComposer.compose(data: data, state: c.state, context: ScreenContext(theme: .unicode(colors: false)),
                                        width: 120, height: 35).grid.lines()
        #expect(on[0].contains("Total 6,430 ▲ 4.4%"))
        // The filters are untouched: no new query.
        #expect(c.filters == AppFixture.filters)
    }

    @Test func zoomMoveAndCrossFilterOnTheCompliancePanel() {
        var c = DashboardController(filters: AppFixture.filters)
        #expect(c.handle(.character("7"), data: data) == .redraw)
        #expect(c.state.zoomed == .compliance && c.state.focus == .panel(.compliance))
        c.handle(.down, data: data)
        c.handle(.down, data: data)
        #expect(c.state.selection[.compliance] == 1)
        #expect(c.handle(.enter, data: data) == .requery)
        #expect(c.filters.selected(.configuration) == ["cfg-cjk"])
        // c in the panel clears the filter it sets.
        #expect(c.handle(.character("c"), data: data) == .requery)
        #expect(c.filters.selected(.configuration).isEmpty)
    }
}
