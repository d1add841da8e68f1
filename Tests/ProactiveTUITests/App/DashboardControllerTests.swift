import DashboardModel
import Testing
@testable import ProactiveTUI
@testable import TerminalUI

/// Sidebar sections: 0 Duration, 1 Time zone, then one per FilterDimension in order.
private func section(_ dimension: FilterDimension) -> Int { 2 + FilterDimension.allCases.firstIndex(of: dimension)! }

@Suite struct DashboardControllerTests {
    let data = AppFixture.data

    func controller(wall: Bool = false) -> DashboardController {
        DashboardController(filters: AppFixture.filters, wall: wall)
    }

    /// Sends keys one by one; returns the effect of each.
    @discardableResult
    func send(_ c: inout DashboardController, _ keys: [Key], data: DashboardData? = nil,
              geometry: ViewGeometry = ViewGeometry()) -> [ControllerEffect] {
        keys.map { c.handle($0, data: data ?? self.data, geometry: geometry) }
    }

    func type(_ text: String) -> [Key] { text.map { Key.character($0) } }

    /// Moves the sidebar cursor to a filter list.
    func focusSidebar(_ c: inout DashboardController, on dimension: FilterDimension) {
        c.state.focus = .sidebar
        while c.state.sidebar.section < section(dimension) { send(&c, [.right]) }
        #expect(c.state.sidebar.section == section(dimension))
    }

    // MARK: Focus and zoom

    @Test func tabCyclesSidebarThenPanelsInOrder() {
        var c = controller()
        #expect(c.state.focus == .panel(.statusChart))
        var seen: [Focus] = []
        for _ in 0..<8 {
            let e1 = c.handle(.tab, data: data)
            #expect(e1 == .redraw)
            seen.append(c.state.focus)
        }
        #expect(seen == [.panel(.resultDonut), .panel(.dialModeDonut), .panel(.configurationTable), .panel(.queueTable),
                         .panel(.dateTable), .panel(.compliance), .sidebar, .panel(.statusChart)])
        // Shift-Tab goes back the same way.
        seen = []
        for _ in 0..<8 {
            c.handle(.backTab, data: data)
            seen.append(c.state.focus)
        }
        #expect(seen == [.sidebar, .panel(.compliance), .panel(.dateTable), .panel(.queueTable), .panel(.configurationTable),
                         .panel(.dialModeDonut), .panel(.resultDonut), .panel(.statusChart)])
        // The visible panel (compact layouts) follows the focus.
        c.handle(.backTab, data: data)
        c.handle(.backTab, data: data)
        #expect(c.state.visiblePanel == .compliance)
    }

    @Test func tabInWallModeSkipsTheSidebar() {
        var c = controller(wall: true)
        for _ in 0..<PanelID.allCases.count { c.handle(.tab, data: data) }
        #expect(c.state.focus == .panel(.statusChart))
    }

    @Test func tabToTheSidebarUnfoldsIt() {
        var c = controller()
        c.handle(.character("f"), data: data)
        #expect(c.state.sidebarFolded)
        c.handle(.backTab, data: data)
        #expect(c.state.focus == .sidebar)
        #expect(!c.state.sidebarFolded)
        // Folding while the sidebar has the focus hands it back to the visible panel.
        c.handle(.character("f"), data: data)
        #expect(c.state.focus == .panel(.statusChart))
    }

    @Test func digitsZoomAndTheSameDigitUnzooms() {
        var c = controller()
        for panel in PanelID.allCases {
            let key = Key.character(Character(String(panel.rawValue)))
            let e2 = c.handle(key, data: data)
            #expect(e2 == .redraw)
            #expect(c.state.zoomed == panel)
            #expect(c.state.focus == .panel(panel))
            #expect(c.state.visiblePanel == panel)
            c.handle(key, data: data)
            #expect(c.state.zoomed == nil)
        }
        // Another digit while zoomed moves the zoom; Tab while zoomed keeps zooming the next panel.
        send(&c, [.character("2"), .character("5")])
        #expect(c.state.zoomed == .queueTable)
        c.handle(.tab, data: data)
        #expect(c.state.zoomed == .dateTable)
        // Esc unzooms.
        c.handle(.escape, data: data)
        #expect(c.state.zoomed == nil)
        let e3 = c.handle(.escape, data: data)
        #expect(e3 == ControllerEffect.none)
        // Zooming needs no filter change.
        #expect(c.filters == AppFixture.filters)
    }

    // MARK: Sidebar

    @Test func spaceInTheSidebarTogglesAFacetValue() {
        var c = controller()
        focusSidebar(&c, on: .queue)
        let e4 = c.handle(.character(" "), data: data)
        #expect(e4 == .requery)
        #expect(c.filters.selected(.queue) == ["q-coll"])
        send(&c, [.down])
        let e5 = c.handle(.character(" "), data: data)
        #expect(e5 == .requery)
        #expect(c.filters.selected(.queue) == ["q-coll", "q-ren"])
        // Space again removes it; Enter works as Space.
        let e6 = c.handle(.enter, data: data)
        #expect(e6 == .requery)
        #expect(c.filters.selected(.queue) == ["q-coll"])
        // Direction (selected by default) toggles off.
        focusSidebar(&c, on: .direction)
        c.handle(.character(" "), data: data)
        #expect(c.filters.selected(.direction).isEmpty)
        // The rest of the filters did not move.
        #expect(c.filters.range == AppFixture.filters.range)
        #expect(c.filters.timeZone == "UTC")
    }

    @Test func sidebarPresetsAndZones() {
        var c = controller()
        c.state.focus = .sidebar
        // Duration: Today, Last 7, Last 30, Last 90, All, Custom.
        send(&c, [.down, .down])
        let e7 = c.handle(.character(" "), data: data)
        #expect(e7 == .requery)
        #expect(c.filters.range == .lastDays(30))
        send(&c, [.end])
        let e8 = c.handle(.enter, data: data)
        #expect(e8 == .redraw)
        #expect(c.state.input?.purpose == .dates)
        c.handle(.escape, data: data)
        #expect(c.state.input == nil)
        // Time zone: the list starts with UTC (the current zone, selected); the second is New York.
        send(&c, [.right, .down, .enter])
        #expect(c.filters.timeZone == "America/New_York")
        // Choosing the selected preset again changes nothing: no requery, nothing to undo.
        send(&c, [.left, .home, .down, .down])
        let e9 = c.handle(.enter, data: data)
        #expect(e9 == .redraw)
    }

    @Test func clearKeys() {
        var c = controller()
        focusSidebar(&c, on: .queue)
        send(&c, [.character(" "), .down, .character(" ")])
        focusSidebar(&c, on: .status)
        send(&c, [.character(" ")])
        #expect(c.filters.selected(.status) == ["Pending"])
        // `c` clears the focused list only.
        let e10 = c.handle(.character("c"), data: data)
        #expect(e10 == .requery)
        #expect(c.filters.selected(.status).isEmpty)
        #expect(c.filters.selected(.queue) == ["q-coll", "q-ren"])
        // `c` on a list that is already "all" changes nothing.
        let e11 = c.handle(.character("c"), data: data)
        #expect(e11 == .redraw)
        // `c` on the duration goes back to the default range.
        c.state.sidebar.section = 0
        let e12 = c.handle(.character("c"), data: data)
        #expect(e12 == .requery)
        #expect(c.filters.range == .default)
        // `C` clears every list (direction included) and keeps range and zone.
        let e13 = c.handle(.character("C"), data: data)
        #expect(e13 == .requery)
        #expect(c.filters.selections.isEmpty)
        #expect(c.filters.range == .default)
        #expect(c.filters.timeZone == "UTC")
        let e14 = c.handle(.character("C"), data: data)
        #expect(e14 == .redraw)
    }

    @Test func clearOnAFocusedPanel() {
        var c = controller()
        send(&c, [.character("4"), .down, .enter])
        #expect(c.filters.selected(.configuration) == ["cfg-geneve"])
        let e15 = c.handle(.character("c"), data: data)
        #expect(e15 == .requery)
        #expect(c.filters.selected(.configuration).isEmpty)
        // On the status chart, `c` resets the date range.
        send(&c, [.character("1")])
        let e16 = c.handle(.character("c"), data: data)
        #expect(e16 == .requery)
        #expect(c.filters.range == .default)
    }

    @Test func backspaceUndoesRepeatedlyThenSaysSo() {
        var c = controller()
        focusSidebar(&c, on: .channel)
        send(&c, [.character(" ")])  // channel Voice
        focusSidebar(&c, on: .result)
        send(&c, [.down, .character(" ")])  // result NoAnswer
        send(&c, [.character("C")])  // clear all
        #expect(c.filters.selections.isEmpty)
        let e17 = c.handle(.backspace, data: data)
        #expect(e17 == .requery)
        #expect(c.filters.selected(.result) == ["NoAnswer"])
        #expect(c.filters.selected(.channel) == ["Voice"])
        let e18 = c.handle(.backspace, data: data)
        #expect(e18 == .requery)
        #expect(c.filters.selected(.result).isEmpty)
        #expect(c.filters.selected(.channel) == ["Voice"])
        let e19 = c.handle(.backspace, data: data)
        #expect(e19 == .requery)
        #expect(c.filters == AppFixture.filters)
        let e20 = c.handle(.backspace, data: data)
        #expect(e20 == .redraw)
        #expect(c.state.message == "nothing to undo")
        #expect(c.filters == AppFixture.filters)
        // The message shows on the bottom line, and goes away with the next key.
        let screen = TextSnapshot.render(data: data, width: 120, height: 35, unicode: true, state: c.state)
        #expect(screen.last == "nothing to undo")
        c.handle(.down, data: data)
        #expect(c.state.message == nil)
    }

    @Test func searchNarrowsTheListAndEscClearsIt() {
        var c = controller()
        focusSidebar(&c, on: .configuration)
        #expect(c.sidebarModel(for: data).sections[section(.configuration)].items.count == 3)
        let e21 = c.handle(.character("/"), data: data)
        #expect(e21 == .redraw)
        #expect(c.state.input == TextInput(purpose: .search, text: ""))
        // Case and accents do not matter: "geneve" finds "Genève".
        send(&c, type("GENEVE"))
        #expect(c.state.sidebar.search == "GENEVE")
        var items = c.sidebarModel(for: data).sections[section(.configuration)].items
        #expect(items.map(\.label) == ["Relance clients – Genève"])
        // Other lists are not narrowed.
        #expect(c.sidebarModel(for: data).sections[section(.queue)].items.count == 2)
        // Backspace edits the text, not the filters.
        send(&c, [.backspace, .backspace, .backspace, .backspace, .backspace])
        #expect(c.state.sidebar.search == "G")
        #expect(c.filters == AppFixture.filters)
        send(&c, type("en"))
        // Enter keeps the search; Space then toggles the one match.
        let e22 = c.handle(.enter, data: data)
        #expect(e22 == .redraw)
        #expect(c.state.input == nil)
        items = c.sidebarModel(for: data).sections[section(.configuration)].items
        #expect(items.map(\.label) == ["Relance clients – Genève"])
        let e23 = c.handle(.character(" "), data: data)
        #expect(e23 == .requery)
        #expect(c.filters.selected(.configuration) == ["cfg-geneve"])
        // CJK search.
        send(&c, [.character("/")])
        #expect(c.state.input?.text == "Gen")
        send(&c, [.backspace, .backspace, .backspace] + type("キャン"))
        items = c.sidebarModel(for: data).sections[section(.configuration)].items
        #expect(items.map(\.label) == ["年末キャンペーン"])
        // Esc while typing drops the search at once.
        let e24 = c.handle(.escape, data: data)
        #expect(e24 == .redraw)
        #expect(c.state.input == nil)
        #expect(c.state.sidebar.search == "")
        #expect(c.state.sidebar.searchSection == nil)
        #expect(c.sidebarModel(for: data).sections[section(.configuration)].items.count == 3)
        // Esc after Enter clears a kept search too.
        send(&c, [.character("/")] + type("win") + [.enter])
        #expect(c.sidebarModel(for: data).sections[section(.configuration)].items.count == 1)
        c.handle(.escape, data: data)
        #expect(c.state.sidebar.searchSection == nil)
        #expect(c.sidebarModel(for: data).sections[section(.configuration)].items.count == 3)
        #expect(c.state.focus == .sidebar)
    }

    @Test func searchOnlyInFilterLists() {
        var c = controller()
        c.state.focus = .sidebar
        let e25 = c.handle(.character("/"), data: data)
        #expect(e25 == .redraw)
        #expect(c.state.input == nil)
        #expect(c.state.message == "search works in the filter lists")
    }

    @Test func searchPromptShowsInTheFooter() {
        var c = controller()
        focusSidebar(&c, on: .configuration)
        send(&c, [.character("/")] + type("gen"))
        let screen = TextSnapshot.render(data: data, width: 120, height: 35, unicode: true, state: c.state)
        #expect(screen.last == "Search: gen_")
    }

    @Test func timeZoneInput() {
        var c = controller()
        let e26 = c.handle(.character("t"), data: data)
        #expect(e26 == .redraw)
        #expect(c.state.input?.purpose == .timeZone)
        send(&c, type("Asia/Kathmandu"))
        #expect(c.filters.timeZone == "UTC")
        let e27 = c.handle(.enter, data: data)
        #expect(e27 == .requery)
        #expect(c.filters.timeZone == "Asia/Kathmandu")
        #expect(c.state.input == nil)

        // An unknown zone: filters unchanged, an error message.
        send(&c, [.character("t")] + type("Mars/Olympus_Mons"))
        let e28 = c.handle(.enter, data: data)
        #expect(e28 == .redraw)
        #expect(c.filters.timeZone == "Asia/Kathmandu")
        #expect(c.state.input == nil)
        #expect(c.state.message?.contains("unknown time zone \"Mars/Olympus_Mons\"") == true)
        #expect(c.state.message?.contains("--") == false)
        // Something Foundation knows but is no IANA name is refused too.
        send(&c, [.character("t")] + type("EST") + [.enter])
        #expect(c.filters.timeZone == "Asia/Kathmandu")
        #expect(c.state.message != nil)
        // Undo goes back to UTC.
        c.handle(.backspace, data: data)
        #expect(c.filters.timeZone == "UTC")
    }

    @Test func dateInput() {
        var c = controller()
        let e29 = c.handle(.character("d"), data: data)
        #expect(e29 == .redraw)
        #expect(c.state.input?.purpose == .dates)
        send(&c, type("2026-11-01..2026-11-07"))
        let e30 = c.handle(.enter, data: data)
        #expect(e30 == .requery)
        #expect(c.filters.range == .between(LocalDate(year: 2026, month: 11, day: 1), LocalDate(year: 2026, month: 11, day: 7)))
        // One day, spaces tolerated.
        send(&c, [.character("d")] + type(" 2026-11-03 ") + [.enter])
        let day = LocalDate(year: 2026, month: 11, day: 3)
        #expect(c.filters.range == .between(day, day))
        // Errors leave the range alone and explain.
        send(&c, [.character("d")] + type("2026-11-07..2026-11-01") + [.enter])
        #expect(c.filters.range == .between(day, day))
        #expect(c.state.message?.contains("is after") == true)
        send(&c, [.character("d")] + type("yesterday") + [.enter])
        #expect(c.filters.range == .between(day, day))
        #expect(c.state.message?.contains("is not a date") == true)
        // Worded for the prompt: no command-line flags.
        #expect(c.state.message == "\"yesterday\" is not a date: type one day as YYYY-MM-DD or a range as YYYY-MM-DD..YYYY-MM-DD")
        send(&c, [.character("d")] + type("2026-11-01..2026-11-02..2026-11-03") + [.enter])
        #expect(c.state.message?.contains("more than two dates") == true)
        send(&c, [.character("d")] + type("2026-11-01..") + [.enter])
        #expect(c.state.message?.hasPrefix("\"2026-11-01..\" is not a date") == true)
        send(&c, [.character("d"), .enter])
        #expect(c.state.message?.hasPrefix("no dates typed") == true)
        #expect(c.filters.range == .between(day, day))
    }

    // MARK: Cross-filtering

    @Test func enterOnATableRowFiltersByID() {
        var c = controller()
        send(&c, [.character("4")])
        // Nothing selected yet: a hint, no change.
        let e31 = c.handle(.enter, data: data)
        #expect(e31 == .redraw)
        #expect(c.state.message?.hasPrefix("select an item first") == true)
        send(&c, [.down, .down])
        #expect(c.state.selected(.configurationTable) == 1)
        let e32 = c.handle(.enter, data: data)
        #expect(e32 == .requery)
        #expect(c.filters.selected(.configuration) == ["cfg-cjk"])
        #expect(c.state.selected(.configurationTable) == 0)  // the filtered table has one row

        send(&c, [.character("5"), .end])
        #expect(c.state.selected(.queueTable) == 1)
        let e33 = c.handle(.enter, data: data)
        #expect(e33 == .requery)
        #expect(c.filters.selected(.queue) == ["q-ren"])
        // Up past the top stays on the first row; down past the end on the last.
        send(&c, [.up, .up, .up])
        #expect(c.state.selected(.queueTable) == 0)
        send(&c, [.pageDown])
        #expect(c.state.selected(.queueTable) == 1)
        // Left/right do nothing in a table.
        let e34 = c.handle(.left, data: data)
        #expect(e34 == ControllerEffect.none)
    }

    @Test func enterOnALegendEntryFiltersResultAndComplete() {
        var c = controller()
        send(&c, [.character("2"), .down, .down, .enter])
        #expect(c.filters.selected(.result) == ["NoAnswer"])
        #expect(c.filters.selected(.status) == ["Complete"])
        send(&c, [.character("3"), .end, .enter])
        #expect(c.filters.selected(.dialMode) == ["Preview"])
    }

    @Test func enterOnADateColumnFiltersToThatDay() {
        var c = controller()
        send(&c, [.character("6"), .right, .right, .enter])
        #expect(c.filters.range == .between(AppFixture.day(1), AppFixture.day(1)))
        // Up/down do nothing on a horizontal panel.
        let e35 = c.handle(.down, data: data)
        #expect(e35 == ControllerEffect.none)
    }

    @Test func enterOnAStatusColumnUsesTheChartBuckets() {
        // A hand-made week bucket.
        let monday = LocalDate(year: 2026, month: 10, day: 26)
        let week = DateBucket(start: monday, end: monday.adding(days: 6), counts: [1, 2])
        let geometry = ViewGeometry(chartBuckets: [DateBucket(start: monday.adding(days: -3), end: monday.adding(days: -1),
                                                              counts: [0, 0]), week])
        var c = controller()
        send(&c, [.right, .right], geometry: geometry)
        #expect(c.state.selected(.statusChart) == 1)
        send(&c, [.right], geometry: geometry)  // stays on the last column
        #expect(c.state.selected(.statusChart) == 1)
        let e36 = c.handle(.enter, data: data, geometry: geometry)
        #expect(e36 == .requery)
        #expect(c.filters.range == .between(monday, LocalDate(year: 2026, month: 11, day: 1)))
        // Without geometry (no frame drawn yet) Enter does nothing.
        var bare = controller()
        bare.state.selection[.statusChart] = 0
        let e37 = bare.handle(.enter, data: data)
        #expect(e37 == ControllerEffect.none)
    }

    /// Up and down pick a status in the selected column (bottom first, statuses the column lacks passed over);
    /// Enter then filters to that status on the column's dates, as a click on a segment does in the report.
    @Test func upAndDownPickAStatusInTheSelectedColumn() {
        let labels = StackedColumnChart(data: data).seriesLabels
        #expect(labels == ["Pending", "InProcess", "Complete", "Expired", "Error"])
        let monday = LocalDate(year: 2026, month: 10, day: 26)
        let week = DateBucket(start: monday, end: monday.adding(days: 6), counts: [0, 2, 5, 0, 1])
        let geometry = ViewGeometry(chartBuckets: [week], chartLabels: labels)
        var c = controller()
        // No column yet: a hint, nothing picked.
        #expect(c.handle(.up, data: data, geometry: geometry) == .redraw)
        #expect(c.state.chartSegment == nil && c.state.message?.contains("select a column first") == true)
        send(&c, [.right, .up], geometry: geometry)
        #expect(c.state.chartSegment == "InProcess")  // Pending has none in this column
        send(&c, [.up], geometry: geometry)
        #expect(c.state.chartSegment == "Complete")
        send(&c, [.up], geometry: geometry)
        #expect(c.state.chartSegment == "Error")
        #expect(c.handle(.up, data: data, geometry: geometry) == ControllerEffect.none)  // the top
        send(&c, [.down, .down], geometry: geometry)
        #expect(c.state.chartSegment == "InProcess")
        send(&c, [.down], geometry: geometry)
        #expect(c.state.chartSegment == nil)  // back to the whole column
        send(&c, [.up, .up], geometry: geometry)
        let effect = c.handle(.enter, data: data, geometry: geometry)
        #expect(effect == .requery)
        #expect(c.filters.range == .between(monday, LocalDate(year: 2026, month: 11, day: 1)))
        #expect(c.filters.selected(.status) == ["Complete"])
        #expect(c.state.chartSegment == nil)
    }

    /// The chart's frame says what is selected: the column's date and total, or the status and its count.
    @Test func theStatusChartFooterGivesTheSelectionsFigures() {
        var state = UIState()
        state.selection[.statusChart] = 0
        let first = data.statusByDate[0]
        func footer() -> String {
            let g = rendered(60, 16) { g, r in
                PanelView(panel: .statusChart, data: data, state: state, wall: false).render(into: &g, area: r, theme: .ascii())
            }
            return g.lines()[15]
        }
        #expect(footer().contains("11-02 \(NumberFormat.grouped(first.total))"))
        state.chartSegment = "Complete"
        #expect(footer().contains("11-02 Complete \(NumberFormat.grouped(first.count(of: "Complete")))"))
        state.chartSegment = "Pending"  // in the chart, but none that day: the column's total again
        #expect(footer().contains("11-02 \(NumberFormat.grouped(first.total))"))
    }

    @Test func statusChartGeometryGroupsALongRangeByWeek() {
        let data = AppFixture.longRange
        let state = UIState()
        let geometry = ScreenComposer.compose(data: data, state: state, context: ScreenContext(theme: .unicode(colors: false)), width: 120, height: 35).geometry
        // 120 days do not fit the chart's ~40 columns at 120x35: weeks, Monday to Sunday, the first clipped.
        #expect(geometry.chartBuckets.count == 18)
        #expect(geometry.chartBuckets.first?.start == data.from)
        #expect(geometry.chartBuckets.last?.end == AppFixture.day5)
        #expect(geometry.pageSize[.configurationTable] != nil)
        var c = DashboardController(filters: data.filters)
        send(&c, [.right, .right], data: data, geometry: geometry)
        let e38 = c.handle(.enter, data: data, geometry: geometry)
        #expect(e38 == .requery)
        guard case .between(let a, let b) = c.filters.range else {
            Issue.record("expected a between range, got \(c.filters.range)")
            return
        }
        #expect(a.weekday == 0)  // a Monday
        #expect(b.dayNumber - a.dayNumber == 6)
        #expect(a == LocalDate(year: 2026, month: 7, day: 13))
        // Still weeks at 200x60 (about 78 columns for 120 days); zoomed with the sidebar folded (197 columns), days.
        let wide = ScreenComposer.compose(data: data, state: state, context: ScreenContext(theme: .unicode(colors: false)), width: 200, height: 60).geometry
        #expect(wide.chartBuckets.count == 18)
        var zoomed = UIState()
        zoomed.zoomed = .statusChart
        zoomed.sidebarFolded = true
        let days = ScreenComposer.compose(data: data, state: zoomed, context: ScreenContext(theme: .unicode(colors: false)), width: 200, height: 60).geometry
        #expect(days.chartBuckets.count == 120)
        #expect(days.chartBuckets.allSatisfy { $0.start == $0.end })
    }

    @Test func pageKeysUseTheGeometryPageSize() {
        let many = AppFixture.manyConfigurations(30)
        var c = controller()
        let geometry = ViewGeometry(pageSize: [.configurationTable: 8])
        send(&c, [.character("4"), .pageDown], data: many, geometry: geometry)
        #expect(c.state.selected(.configurationTable) == 7)
        send(&c, [.pageDown, .pageDown, .pageDown, .pageDown], data: many, geometry: geometry)
        #expect(c.state.selected(.configurationTable) == 29)
        send(&c, [.pageUp], data: many, geometry: geometry)
        #expect(c.state.selected(.configurationTable) == 21)
        send(&c, [.home], data: many, geometry: geometry)
        #expect(c.state.selected(.configurationTable) == 0)
    }

    // MARK: Quit, help, wall

    @Test func quitKeys() {
        var c = controller()
        let e39 = c.handle(.character("q"), data: data)
        #expect(e39 == .quit)
        let e40 = c.handle(.controlC, data: data)
        #expect(e40 == .quit)
        // Ctrl-C quits even while typing; `q` while typing is text.
        send(&c, [.character("t")])
        let e41 = c.handle(.character("q"), data: data)
        #expect(e41 == .redraw)
        #expect(c.state.input?.text == "q")
        let e42 = c.handle(.controlC, data: data)
        #expect(e42 == .quit)
        // In wall mode too.
        var wall = controller(wall: true)
        let e43 = wall.handle(.character("q"), data: data)
        #expect(e43 == .quit)
    }

    @Test func helpOpensAndAnyKeyClosesIt() {
        var c = controller()
        let e44 = c.handle(.character("?"), data: data)
        #expect(e44 == .redraw)
        #expect(c.state.showHelp)
        // The key that closes help does nothing else.
        let e45 = c.handle(.character("C"), data: data)
        #expect(e45 == .redraw)
        #expect(!c.state.showHelp)
        #expect(c.filters == AppFixture.filters)
        c.handle(.character("?"), data: data)
        let e46 = c.handle(.character("q"), data: data)
        #expect(e46 == .quit)
    }

    @Test func wToggleWallMode() {
        var c = controller()
        send(&c, [.character("3")])
        let e47 = c.handle(.character("w"), data: data)
        #expect(e47 == .redraw)
        #expect(c.state.wall)
        #expect(c.state.zoomed == nil)
        // Wall mode takes no selection keys.
        let e48 = c.handle(.down, data: data)
        #expect(e48 == ControllerEffect.none)
        let e49 = c.handle(.enter, data: data)
        #expect(e49 == ControllerEffect.none)
        c.handle(.character("w"), data: data)
        #expect(!c.state.wall)
    }

    @Test func wallPagesTheTablesOnTheirOwn() {
        let many = AppFixture.manyConfigurations(30)
        var c = controller(wall: true)
        let first = TextSnapshot.render(data: many, width: 200, height: 60, unicode: true, state: c.state)
        c.advanceWallPage(data: many)
        let second = TextSnapshot.render(data: many, width: 200, height: 60, unicode: true, state: c.state)
        c.advanceWallPage(data: many)
        let third = TextSnapshot.render(data: many, width: 200, height: 60, unicode: true, state: c.state)
        let joined = { (lines: [String]) in lines.joined(separator: "\n") }
        // The configuration table has 20 rows a page at 200x60: page 1 is Campaign 01-20, page 2 is 21-30.
        #expect(joined(first).contains("Campaign 01"))
        #expect(joined(first).contains("Campaign 20"))
        #expect(!joined(first).contains("Campaign 21"))
        #expect(joined(first).contains("page 1/2"))
        #expect(!joined(second).contains("Campaign 01"))
        #expect(!joined(second).contains("Campaign 20"))
        #expect(joined(second).contains("Campaign 21"))
        #expect(joined(second).contains("Campaign 30"))
        #expect(joined(second).contains("page 2/2"))
        // It wraps around.
        #expect(third == first)
        // The queue table (two rows) stays put and has no page footer.
        #expect(joined(second).contains("Collections Q"))
        // Paging never touches the filters.
        #expect(c.filters == AppFixture.filters)
    }
}
