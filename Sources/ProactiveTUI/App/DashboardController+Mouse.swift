import TerminalUI
import DashboardModel

/// Clicks and the wheel. Every mouse event is a row of the key table (`Key.mouse`): a click is `.point`, the wheel
/// `.move`. The point is looked up in the last frame's `HitMap`, and the action then does what the keys that reach
/// the same target do: focus the pane as Tab does, select the item as the arrows do, and on the item already
/// selected act as Enter (Space in the sidebar).
extension DashboardController {
    mutating func handle(mouse event: MouseEvent, data: DashboardData, geometry: ViewGeometry) -> ControllerEffect {
        let hits = geometry.hits
        let inside = { (rect: Rect?) in rect?.contains(x: event.x, y: event.y) ?? false }
        guard let action = KeyBindings.action(for: .mouse(event.button), in: .dashboard) else { return .none }
        // A prompt, the list of views and the help close on a click outside them, as Esc or any key does.
        if state.input != nil {
            guard action == .point, !inside(hits.prompt) else { return .none }
            return handle(.escape, data: data, geometry: geometry)
        }
        if state.viewList != nil {
            switch action {
            case .point: return inside(hits.overlay) ? .none : handleViewList(.escape)
            case .move(let direction): return handleViewList(direction == .up ? .up : .down)
            default: return .none
            }
        }
        if state.showHelp {
            guard action == .point, !inside(hits.overlay) else { return .none }
            state.showHelp = false
            return .redraw
        }
        if state.list != nil {
            // The drill-down list: the wheel moves its cursor as the arrows do; a click there selects nothing yet.
            guard case .move(let direction) = action else { return .none }
            return handle(direction == .up ? .up : .down, data: data, geometry: geometry)
        }
        if state.wall { return .none }
        let target = hits.target(x: event.x, y: event.y)
        state.message = nil
        switch action {
        case .point: return click(target, data: data, geometry: geometry)
        case .move(let direction): return scroll(direction, over: target, data: data, geometry: geometry)
        default: return perform(action, data: data)
        }
    }

    /// Focuses a panel as Tab does on reaching it.
    private mutating func focusPanel(_ panel: PanelID) {
        state.focus = .panel(panel)
        state.visiblePanel = panel
        if state.zoomed != nil { state.zoomed = panel }
    }

    private mutating func click(_ target: HitTarget?, data: DashboardData, geometry: ViewGeometry) -> ControllerEffect {
        guard let target else { return .none }
        switch target {
        case .tab(let panel), .panel(let panel):
            focusPanel(panel)
        case .item(let panel, let index):
            let segmentFree = panel != .statusChart || state.chartSegment == nil
            if state.focus == .panel(panel), state.selection[panel] == index, segmentFree {
                return handlePanel(.activate, panel: panel, data: data, geometry: geometry)
            }
            focusPanel(panel)
            state.selection[panel] = index
            if panel == .statusChart { state.chartSegment = nil }
        case .segment(let column, let status):
            if state.focus == .panel(.statusChart), state.selection[.statusChart] == column, state.chartSegment == status {
                return handlePanel(.activate, panel: .statusChart, data: data, geometry: geometry)
            }
            focusPanel(.statusChart)
            state.selection[.statusChart] = column
            state.chartSegment = status
        case .sidebar:
            state.focus = .sidebar
        case .sidebarSection(let section):
            state.focus = .sidebar
            state.sidebar.section = section
        case .sidebarItem(let section, let item):
            if state.focus == .sidebar, state.sidebar.section == section, state.sidebar.items[section] == item {
                return handleSidebar(.toggle, data: data)
            }
            state.focus = .sidebar
            state.sidebar.section = section
            state.sidebar.items[section] = item
        }
        return .redraw
    }

    /// The wheel focuses the pane under the pointer and moves in it as the arrows do (left and right in the
    /// status chart and the date table, whose items run across).
    private mutating func scroll(_ direction: MoveDirection, over target: HitTarget?, data: DashboardData,
                                 geometry: ViewGeometry) -> ControllerEffect {
        switch target {
        case .panel(let panel), .item(let panel, _):
            focusPanel(panel)
            let across = panel == .statusChart || panel == .dateTable
            let move: MoveDirection = across ? (direction == .up ? .left : .right) : direction
            _ = handlePanel(.move(move), panel: panel, data: data, geometry: geometry)
            return .redraw
        case .segment:
            focusPanel(.statusChart)
            _ = handlePanel(.move(direction == .up ? .left : .right), panel: .statusChart, data: data, geometry: geometry)
            return .redraw
        case .sidebar, .sidebarSection, .sidebarItem:
            state.focus = .sidebar
            _ = handleSidebar(.move(direction), data: data)
            return .redraw
        case .tab, nil:
            return .none
        }
    }
}
