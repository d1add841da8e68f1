import DashboardModel
import Testing
@testable import ProactiveTUI

@Suite struct FilterSidebarWidgetTests {
    func content() -> SidebarContent {
        let filters = DashboardFilters(range: .lastDays(30), timeZone: "America/New_York",
                                       selections: [.queue: ["q1"], .direction: ["Outgoing"]])
        var data = DashboardData.empty(filters: filters)
        data.facets = [
            .queue: [FacetValue(value: "q1", label: "Collections Q", count: 120, selected: true),
                     FacetValue(value: "q2", label: "Renewals Q", count: 40, selected: false)],
            .direction: [FacetValue(value: "Outgoing", label: "Outgoing", count: 150, selected: true),
                         FacetValue(value: "Incoming", label: "Incoming", count: 10, selected: false)],
        ]
        return SidebarContent(data: data)
    }

    @Test func focusedQueueUnicode() {
        let state = SidebarState(focusedSection: .filter(.queue), cursors: [.filter(.queue): 1])
        let g = rendered(28, 12) { g, r in
            FilterSidebar(content: content(), state: state).render(into: &g, area: r, theme: .unicode())
        }
        expectLines(g, [
            "▸ Duration: Last 30 days",
            "▸ Time zone: America/New_Yo…",
            "▸ Channel: all",
            "▾ Queue",
            "  [x] Collections Q      120",
            "  [ ] Renewals Q          40",
            "▸ Configuration: all",
            "▸ Conversation type: all",
            "▾ Direction",
            "  [x] Outgoing           150",
            "  [ ] Incoming            10",
            "▸ Dial mode: all",
        ])
        #expect(g[3, 5].style.reverse && !g[3, 4].style.reverse)
        #expect(g[0, 3].style.bold)
    }

    @Test func searchNarrowsTheFocusedListASCII() {
        var state = SidebarState(focusedSection: .filter(.queue))
        state.setSearch("ren")
        let c = content()
        #expect(state.currentItem(in: c)?.value == "q2")
        let g = rendered(28, 6) { g, r in FilterSidebar(content: c, state: state).render(into: &g, area: r, theme: .ascii()) }
        expectLines(g, [
            "> Duration: Last 30 days",
            "> Time zone: America/New_Yo~",
            "> Channel: all",
            "v Queue  /ren",
            "  [ ] Renewals Q          40",
            "> Configuration: all",
        ])
    }

    @Test func scrollsToKeepTheCursorVisible() {
        let state = SidebarState(focusedSection: .filter(.direction), cursors: [.filter(.direction): 1])
        let g = rendered(28, 4) { g, r in
            FilterSidebar(content: content(), state: state, paneFocused: false).render(into: &g, area: r, theme: .ascii())
        }
        expectLines(g, [
            "> Conversation type: all",
            "v Direction",
            "  [x] Outgoing           150",
            "  [ ] Incoming            10",
        ])
        #expect(!g[3, 3].style.reverse)  // pane not focused: no cursor bar
    }

    @Test func durationSection() {
        let state = SidebarState(focusedSection: .duration, cursors: [.duration: 2])
        let c = content()
        #expect(state.currentItem(in: c)?.value == DurationPreset.last30.rawValue)
        let g = rendered(24, 8) { g, r in FilterSidebar(content: c, state: state).render(into: &g, area: r, theme: .ascii()) }
        expectLines(g, [
            "v Duration",
            "  [ ] Today",
            "  [ ] Last 7 days",
            "  [x] Last 30 days",
            "  [ ] Last 90 days",
            "  [ ] All dates",
            "  [ ] Custom range",
            "> Time zone: America/Ne~",
        ])
    }
}

@Suite struct SidebarStateTests {
    let content = SidebarContent(
        items: [.filter(.queue): (0..<10).map { (i: Int) in SidebarItem(value: "q\(i)", label: "Queue \(i)", count: i, checked: false) }],
        summaries: [:])

    @Test func moveClampsAndWraps() {
        var s = SidebarState(focusedSection: .filter(.queue))
        s.moveUp(in: content)
        #expect(s.cursor(in: content) == 0)
        s.moveUp(in: content, wrap: true)
        #expect(s.cursor(in: content) == 9)
        s.moveDown(in: content)
        #expect(s.cursor(in: content) == 9)
        s.moveDown(in: content, wrap: true)
        #expect(s.cursor(in: content) == 0)
    }

    @Test func pagesAndEnds() {
        var s = SidebarState(focusedSection: .filter(.queue))
        s.page(by: 1, pageSize: 4, in: content)
        #expect(s.cursor(in: content) == 4)
        s.page(by: 2, pageSize: 4, in: content)
        #expect(s.cursor(in: content) == 9)
        s.page(by: -1, pageSize: 4, in: content)
        #expect(s.cursor(in: content) == 5)
        s.moveToFirst()
        #expect(s.cursor(in: content) == 0)
        s.moveToLast(in: content)
        #expect(s.currentItem(in: content)?.value == "q9")
    }

    @Test func sectionsWrapAndKeepTheirCursors() {
        var s = SidebarState(focusedSection: .duration)
        s.focusPreviousSection()
        #expect(s.focusedSection == .filter(.result))
        s.focusNextSection()
        #expect(s.focusedSection == .duration)
        s.jump(to: .filter(.queue))
        s.move(by: 3, in: content)
        s.setSearch("x")
        s.jump(to: .timeZone)
        #expect(s.search.isEmpty)
        s.jump(to: .filter(.queue))
        #expect(s.cursor(in: content) == 0)  // the search reset it
        s.move(by: 3, in: content)
        s.focusNextSection()
        s.focusPreviousSection()
        #expect(s.cursor(in: content) == 3)
    }

    @Test func searchNarrowsAndClampsCursor() {
        var s = SidebarState(focusedSection: .filter(.queue), cursors: [.filter(.queue): 7])
        s.appendToSearch("1")
        #expect(content.visibleItems(in: .filter(.queue), search: s.search).map(\.value) == ["q1"])
        #expect(s.currentItem(in: content)?.value == "q1")
        s.appendToSearch("z")
        #expect(s.currentItem(in: content) == nil)
        s.deleteLastSearchCharacter()
        s.deleteLastSearchCharacter()
        #expect(s.search.isEmpty)
    }

    @Test func emptySectionHasNoItem() {
        var s = SidebarState(focusedSection: .filter(.channel))
        s.moveDown(in: content)
        #expect(s.currentItem(in: content) == nil)
    }

    @Test func presets() {
        #expect(DurationPreset.matching(.lastDays(7)) == .last7)
        #expect(DurationPreset.matching(.lastDays(12)) == .custom)
        #expect(DurationPreset.all.range == .all)
    }
}
