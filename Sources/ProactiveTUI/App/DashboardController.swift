import DashboardModel
import Foundation
import TerminalUI

/// What a key asks the loop to do next.
enum ControllerEffect: Equatable {
    case none
    /// Only the screen changes (focus, selection, overlay).
    case redraw
    /// The filters changed: query again, then draw.
    case requery
    /// Draw every cell again (Ctrl-L), as after a garbled screen.
    case repaint
    /// Ctrl-Z: restore the terminal and stop, as less and vim do.
    case suspend
    case quit
    /// The drill-down list opened or moved: read what it needs (a count, a window of rows), then draw.
    case loadList
    /// `e` in the list: write it to a file, then draw the path (or the error) in the footer.
    case exportList
    /// Apply the saved view of that name (the loop reads and checks it against the store).
    case applyView(String)
    /// Save the filters in force as a view of that name (the loop writes the settings file).
    case saveView(String)
    /// `M`: turn mouse reporting off or on (the loop asks the terminal).
    case toggleMouse
}

/// Turns keys into changes of the UI state and the filters. Pure state: unit-tested without a terminal.
struct DashboardController {
    private(set) var history: FilterHistory
    var state: UIState
    /// The saved views' names, in the file's order (what `v` lists).
    var viewNames: [String] = []
    /// The view applied last and the filters it gave: its name shows while the filters are still those.
    private(set) var appliedView: (name: String, filters: DashboardFilters)?

    init(filters: DashboardFilters, wall: Bool = false) {
        history = FilterHistory(filters)
        state = UIState(wall: wall)
    }

    var filters: DashboardFilters { history.current }

    /// The name of the view in force: the one applied or saved last, while the filters have not changed since.
    var activeView: String? {
        guard let appliedView, appliedView.filters == filters else { return nil }
        return appliedView.name
    }

    /// Shows a view's filters (a change Backspace undoes, like any other).
    mutating func showView(_ name: String, filters: DashboardFilters) -> ControllerEffect {
        appliedView = (name, filters)
        let effect = change { $0 = filters }
        state.message = "view " + name
        return effect == .requery ? .requery : .redraw
    }

    /// The filters in force are those of the view `name` (just saved, or the one the dashboard opened on).
    mutating func markView(_ name: String) { appliedView = (name, filters) }

    func sidebarModel(for data: DashboardData) -> SidebarModel {
        SidebarModel(data: data, search: state.sidebar.search, searchSection: state.sidebar.searchSection)
    }

    // MARK: Keys

    mutating func handle(_ key: Key, data: DashboardData, geometry: ViewGeometry = ViewGeometry()) -> ControllerEffect {
        if case .pointer(let event) = key { return handle(mouse: event, data: data, geometry: geometry) }
        if let action = KeyBindings.action(for: key, in: .always) {
            switch action {
            case .quit: return .quit
            case .suspend: return .suspend
            default: return .repaint
            }
        }
        if state.input != nil { return handleInput(key, data: data) }
        state.message = nil
        if state.list != nil { return handleList(key, data: data, geometry: geometry) }
        if state.viewList != nil { return handleViewList(key) }
        let action = KeyBindings.action(for: key, in: .dashboard)
        if state.showHelp {
            if action == .quit { return .quit }
            state.showHelp = false
            return .redraw
        }
        if let action { return perform(action, data: data) }
        if state.wall { return .none }
        switch state.focus {
        case .sidebar:
            guard let action = KeyBindings.action(for: key, in: .sidebar) else { return .none }
            return handleSidebar(action, data: data)
        case .panel(let panel):
            guard let action = KeyBindings.action(for: key, in: .panel) else { return .none }
            return handlePanel(action, panel: panel, data: data, geometry: geometry)
        }
    }

    /// The actions that apply wherever the focus is.
    mutating func perform(_ action: KeyAction, data: DashboardData) -> ControllerEffect {
        switch action {
        case .quit: return .quit
        case .showHelp:
            state.showHelp = true
            return .redraw
        case .toggleComparison:
            state.showComparison.toggle()
            return .redraw
        case .toggleWall:
            state.wall.toggle()
            state.zoomed = nil
            return .redraw
        case .back:
            if state.zoomed != nil { state.zoomed = nil; return .redraw }
            if state.sidebar.searchSection != nil { clearSearch(); return .redraw }
            if state.focus == .sidebar { state.focus = .panel(state.visiblePanel); return .redraw }
            return .none
        case .zoom(let panel):
            state.zoomed = state.zoomed == panel ? nil : panel
            state.visiblePanel = panel
            state.focus = .panel(panel)
            return .redraw
        case .nextPane: cycleFocus(forward: true); return .redraw
        case .previousPane: cycleFocus(forward: false); return .redraw
        case .toggleSidebar:
            state.sidebarFolded.toggle()
            if state.sidebarFolded, state.focus == .sidebar { state.focus = .panel(state.visiblePanel) }
            return .redraw
        case .clearAll:
            return change { $0.clearAll() }
        case .undo:
            if history.undo() { return .requery }
            state.message = "nothing to undo"
            return .redraw
        case .typeTimeZone:
            state.input = TextInput(purpose: .timeZone, text: "")
            return .redraw
        case .typeDates:
            state.input = TextInput(purpose: .dates, text: "")
            return .redraw
        case .repaint: return .repaint
        case .suspend: return .suspend
        case .examineHeader: return openHeaderFigure(data: data)
        case .listViews:
            state.viewList = ViewList(names: viewNames, cursor: activeView.flatMap { viewNames.firstIndex(of: $0) } ?? 0)
            return .redraw
        case .saveView:
            // Wall mode has no footer to type the name in: saving is for the normal layout.
            guard !state.wall else { return .none }
            state.input = TextInput(purpose: .viewName, text: activeView ?? "")
            return .redraw
        case .toggleMouse: return .toggleMouse
        case .move, .pageUp, .pageDown, .first, .last, .toggle, .activate, .clearFocused, .search, .examine, .cycleSort,
             .reverseSort, .exportList, .point:
            return .none
        }
    }

    private mutating func change(_ body: (inout DashboardFilters) -> Void) -> ControllerEffect {
        history.apply(body) ? .requery : .redraw
    }

    private mutating func cycleFocus(forward: Bool) {
        var order: [Focus] = PanelID.allCases.map { .panel($0) }
        if !state.wall { order.insert(.sidebar, at: 0) }
        let i = order.firstIndex(of: state.focus) ?? 0
        let next = order[(i + (forward ? 1 : order.count - 1)) % order.count]
        state.focus = next
        if case .panel(let panel) = next {
            state.visiblePanel = panel
            if state.zoomed != nil { state.zoomed = panel }
        } else if state.sidebarFolded {
            state.sidebarFolded = false
        }
    }

    // MARK: Sidebar

    mutating func handleSidebar(_ action: KeyAction, data: DashboardData) -> ControllerEffect {
        let model = sidebarModel(for: data)
        switch action {
        case .move(.up): state.sidebar.moveItem(by: -1, in: model)
        case .move(.down): state.sidebar.moveItem(by: 1, in: model)
        case .move(.left), .pageUp: state.sidebar.moveSection(by: -1)
        case .move(.right), .pageDown: state.sidebar.moveSection(by: 1)
        case .first: state.sidebar.jumpItem(toEnd: false, in: model)
        case .last: state.sidebar.jumpItem(toEnd: true, in: model)
        case .search:
            guard model.sections[state.sidebar.section].dimension != nil else {
                state.message = "search works in the filter lists"
                return .redraw
            }
            state.input = TextInput(purpose: .search, text: state.sidebar.search)
            state.sidebar.searchSection = state.sidebar.section
        case .toggle, .activate:
            guard let item = state.sidebar.currentItem(in: model) else { return .none }
            return perform(item.action)
        case .clearFocused:
            let section = model.sections[state.sidebar.section]
            if let dimension = section.dimension { return change { $0.clear(dimension) } }
            if state.sidebar.section == 0 { return change { $0.range = .default } }
            return .none
        default: return .none
        }
        return .redraw
    }

    private mutating func perform(_ action: SidebarModel.Action) -> ControllerEffect {
        switch action {
        case .setRange(let range): return change { $0.range = range }
        case .customRange:
            state.input = TextInput(purpose: .dates, text: "")
            return .redraw
        case .setZone(let zone): return change { $0.timeZone = zone }
        case .otherZone:
            state.input = TextInput(purpose: .timeZone, text: "")
            return .redraw
        case .toggle(let dimension, let value): return change { $0.toggle(dimension, value) }
        }
    }

    private mutating func clearSearch() {
        state.sidebar.search = ""
        state.sidebar.searchSection = nil
    }

    // MARK: Panels

    mutating func handlePanel(_ action: KeyAction, panel: PanelID, data: DashboardData, geometry: ViewGeometry) -> ControllerEffect {
        let count = panel.itemCount(data: data, geometry: geometry)
        let page = max(1, geometry.pageSize[panel] ?? 10)
        let horizontal = panel == .statusChart || panel == .dateTable
        let current = state.selection[panel]
        func move(_ delta: Int) {
            guard count > 0 else { return }
            let start = current ?? (delta > 0 ? -1 : count)
            state.selection[panel] = min(max(0, start + delta), count - 1)
        }
        switch action {
        case .move(.up):
            if panel == .statusChart { return moveSegment(up: true, data: data, geometry: geometry) }
            if !horizontal { move(-1) } else { return .none }
        case .move(.down):
            if panel == .statusChart { return moveSegment(up: false, data: data, geometry: geometry) }
            if !horizontal { move(1) } else { return .none }
        case .move(.left): if horizontal { move(-1) } else { return .none }
        case .move(.right): if horizontal { move(1) } else { return .none }
        case .pageUp: move(-page)
        case .pageDown: move(page)
        case .first: if count > 0 { state.selection[panel] = 0 }
        case .last: if count > 0 { state.selection[panel] = count - 1 }
        case .activate, .toggle: return crossFilter(panel, data: data, geometry: geometry)
        case .examine:
            switch DrilldownMapper.target(state: state, data: data, geometry: geometry) {
            case .success(let target): return open(target, geometry: geometry)
            case .failure(let refusal):
                state.message = refusal.description
                return .redraw
            }
        case .clearFocused:
            switch panel.crossFilter {
            case .dimension(let dimension): return change { $0.clear(dimension) }
            case .date: return change { $0.range = .default }
            }
        default: return .none
        }
        return .redraw
    }

    /// Up and down in the status chart's selected column: the status above or below in its stack (bottom first);
    /// down from the bottom one goes back to the whole column. Statuses the column does not have are passed over.
    private mutating func moveSegment(up: Bool, data: DashboardData, geometry: ViewGeometry) -> ControllerEffect {
        guard let column = state.selection[.statusChart], geometry.chartBuckets.indices.contains(column) else {
            state.message = "select a column first (left, right), then up and down pick a status in it"
            return .redraw
        }
        let counts = geometry.chartBuckets[column].counts
        let labels = geometry.chartLabels
        let present = counts.indices.filter { counts[$0] > 0 && $0 < labels.count }
        guard !present.isEmpty else { return .none }
        let current = state.chartSegment.flatMap { labels.firstIndex(of: $0) }
        if up {
            guard let next = present.first(where: { $0 > (current ?? -1) }) else { return .none }
            state.chartSegment = labels[next]
        } else {
            guard let current else { return .none }
            state.chartSegment = present.last { $0 < current }.map { labels[$0] }
        }
        return .redraw
    }

    /// Enter on a column, slice or row adds it as a filter, as a click does in the reference report.
    private mutating func crossFilter(_ panel: PanelID, data: DashboardData, geometry: ViewGeometry) -> ControllerEffect {
        guard let i = state.selection[panel] else {
            state.message = "select an item first (arrows), then Enter filters to it"
            return .redraw
        }
        let effect: ControllerEffect
        switch panel {
        case .statusChart:
            guard geometry.chartBuckets.indices.contains(i) else { return .none }
            let bucket = geometry.chartBuckets[i]
            if let status = state.chartSegment(in: bucket, labels: geometry.chartLabels) {
                effect = change { $0.range = .between(bucket.start, bucket.end); $0.set(.status, [status]) }
            } else {
                effect = change { $0.range = .between(bucket.start, bucket.end) }
            }
            state.chartSegment = nil
        case .dateTable:
            guard data.byDate.indices.contains(i) else { return .none }
            let day = data.byDate[i].date
            effect = change { $0.range = .between(day, day) }
        case .resultDonut:
            guard data.processedByResult.indices.contains(i) else { return .none }
            let label = data.processedByResult[i].label
            effect = change { $0.set(.result, [label]); $0.set(.status, [DeliveryStatus.complete.label]) }
        case .dialModeDonut:
            guard data.processedByDialMode.indices.contains(i) else { return .none }
            let label = data.processedByDialMode[i].label
            effect = change { $0.set(.dialMode, [label]); $0.set(.status, [DeliveryStatus.complete.label]) }
        case .configurationTable:
            guard data.byConfiguration.indices.contains(i) else { return .none }
            let id = data.byConfiguration[i].id
            effect = change { $0.set(.configuration, [id]) }
        case .queueTable:
            guard data.byQueue.indices.contains(i) else { return .none }
            let id = data.byQueue[i].id
            effect = change { $0.set(.queue, [id]) }
        case .compliance:
            guard let rows = data.compliance?.rows, rows.indices.contains(i) else { return .none }
            let id = rows[i].id
            effect = change { $0.set(.configuration, [id]) }
        }
        if effect == .requery { state.selection[panel] = 0 }
        return effect
    }

    // MARK: Saved views

    mutating func handleViewList(_ key: Key) -> ControllerEffect {
        guard var list = state.viewList else { return .none }
        switch KeyBindings.action(for: key, in: .viewList) {
        case .move(.up): list.cursor = max(0, list.cursor - 1)
        case .move(.down): list.cursor = max(0, min(list.names.count - 1, list.cursor + 1))
        case .activate:
            state.viewList = nil
            guard list.names.indices.contains(list.cursor) else { return .redraw }
            return .applyView(list.names[list.cursor])
        case .back, .listViews:
            state.viewList = nil
            return .redraw
        case .quit: return .quit
        default: return .none
        }
        state.viewList = list
        return .redraw
    }

    // MARK: Text input

    private mutating func handleInput(_ key: Key, data: DashboardData) -> ControllerEffect {
        guard var input = state.input else { return .none }
        switch key {
        case .escape:
            state.input = nil
            if input.purpose == .search { clearSearch() }
            return .redraw
        case .backspace:
            if !input.text.isEmpty { input.text.removeLast() }
        case .character(let c):
            input.text.append(c)
        case .enter:
            state.input = nil
            return submit(input)
        default:
            return .none
        }
        state.input = input
        if input.purpose == .search {
            state.sidebar.search = input.text
            state.sidebar.items[state.sidebar.section] = 0
        }
        return .redraw
    }

    private mutating func submit(_ input: TextInput) -> ControllerEffect {
        switch input.purpose {
        case .search:
            return .redraw
        case .listSearch:
            state.list?.setSearch(input.text)
            return .loadList
        case .timeZone:
            switch PromptInput.timeZone(input.text) {
            case .success(let zone): return change { $0.timeZone = zone }
            case .failure(let error):
                state.message = error.description
                return .redraw
            }
        case .dates:
            switch PromptInput.dateRange(input.text) {
            case .success(let range): return change { $0.range = range }
            case .failure(let error):
                state.message = error.description
                return .redraw
            }
        case .viewName:
            let name = input.text.trimmingCharacters(in: .whitespaces)
            guard SavedView.isValidName(name) else {
                state.message = "a view's name takes 1 to 40 letters, digits, - and _"
                return .redraw
            }
            return .saveView(name)
        }
    }

    // MARK: The drill-down list

    private mutating func open(_ target: DrilldownTarget, geometry: ViewGeometry, headerFigure: Int? = nil) -> ControllerEffect {
        var list = DeliveryListState(target: target)
        if let rows = geometry.listPageSize { list.pageSize = rows }
        state.list = list
        state.headerFigure = headerFigure
        return .loadList
    }

    /// `X`: the header's total first, then each figure after the one the list shows.
    private mutating func openHeaderFigure(data: DashboardData, geometry: ViewGeometry = ViewGeometry()) -> ControllerEffect {
        let targets = DrilldownMapper.headerTargets(data: data)
        let next = state.list == nil ? 0 : ((state.headerFigure ?? -1) + 1) % targets.count
        var geometry = geometry
        if geometry.listPageSize == nil { geometry.listPageSize = state.list?.pageSize }
        return open(targets[next], geometry: geometry, headerFigure: next)
    }

    private mutating func handleList(_ key: Key, data: DashboardData, geometry: ViewGeometry) -> ControllerEffect {
        let action = KeyBindings.action(for: key, in: .list)
        if state.showHelp {
            if action == .quit { return .quit }
            state.showHelp = false
            return .redraw
        }
        guard let action, var list = state.list else { return .none }
        if let rows = geometry.listPageSize { list.pageSize = rows }
        list.status = nil
        switch action {
        case .quit: return .quit
        case .showHelp:
            state.list = list
            state.showHelp = true
            return .redraw
        case .back:
            state.list = nil
            state.headerFigure = nil
            return .redraw
        case .examineHeader:
            state.list = list
            return openHeaderFigure(data: data, geometry: geometry)
        case .search:
            state.list = list
            state.input = TextInput(purpose: .listSearch, text: list.search)
            return .redraw
        case .exportList:
            state.list = list
            return .exportList
        case .move(.up): list.move(by: -1)
        case .move(.down): list.move(by: 1)
        case .pageUp: list.page(by: -1)
        case .pageDown: list.page(by: 1)
        case .first: list.toFirst()
        case .last: list.toLast()
        case .cycleSort: list.cycleSort()
        case .reverseSort: list.reverseSort()
        default:
            state.list = list
            return .redraw
        }
        state.list = list
        return .loadList
    }

    // MARK: Wall mode

    mutating func advanceWallPage(data: DashboardData) {
        state.wallPage += 1
    }
}
