import DashboardModel
import Foundation
import TerminalUI

/// What the composer needs besides data and UI state.
struct ScreenContext {
    var theme: Theme
    var stale = false
    var staleAfter: Double = 300
    var now = Date()
    var sync: SyncIndicator?
    /// The list shows to-addresses as stored (`--show-addresses`); otherwise masked.
    var showAddresses = false
    /// Figures over these levels turn amber or red and carry `!` / `!!`.
    var thresholds = Thresholds()
    /// The saved view in force, named in the header.
    var viewName: String?
}

/// Draws a whole frame into an in-memory grid: header, sidebar, panels, footer, overlays.
enum ScreenComposer {
    /// One layout pass: the frame, and the geometry it was laid out with (kept by the loop for the next key).
    static func compose(data: DashboardData, state: UIState, context: ScreenContext, width: Int, height: Int) -> ComposedFrame {
        var grid = Grid(width: max(0, width), height: max(0, height))
        let theme = context.theme
        let header = HeaderBar(data: data, stale: context.stale, sync: context.sync, showChange: state.showComparison,
                               thresholds: context.thresholds, viewName: context.viewName)
        let layout = ScreenLayout.make(width: width, height: height, state: state, headerHeight: header.preferredHeight)
        if layout.mode == .tooSmall {
            TooSmallMessage(needWidth: ScreenLayout.minimumWidth, needHeight: ScreenLayout.minimumHeight,
                            haveWidth: width, haveHeight: height).render(into: &grid, area: grid.bounds, theme: theme)
            return ComposedFrame(grid: grid, geometry: ViewGeometry())
        }
        if let list = state.list {
            DeliveryListScreen(list: list, data: data, state: state, context: context)
                .render(into: &grid, header: header, width: width, height: height)
            var geometry = ViewGeometry()
            geometry.hits.overlay = drawHelp(into: &grid, state: state, theme: theme)
            geometry.listPageSize = DeliveryListScreen.pageSize(width: width, height: height, headerHeight: header.preferredHeight)
            return ComposedFrame(grid: grid, geometry: geometry)
        }
        if layout.mode == .wall {
            WallHeader(data: data, stale: context.stale, sync: context.sync, viewName: context.viewName)
                .render(into: &grid, area: layout.header, theme: theme)
            if let tiles = layout.tiles {
                LiveTiles(data: data, showChange: state.showComparison, thresholds: context.thresholds)
                    .render(into: &grid, area: tiles, theme: theme)
            }
        } else {
            header.render(into: &grid, area: layout.header, theme: theme)
        }
        var geometry = ViewGeometry()
        if let tabs = layout.tabs {
            for (panel, rect) in drawTabs(into: &grid, area: tabs, state: state, theme: theme) {
                geometry.hits.add(rect, .tab(panel))
            }
        }
        for (panel, area) in layout.panels.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let drawn = PanelView(panel: panel, data: data, state: state, wall: layout.mode == .wall, thresholds: context.thresholds)
                .draw(into: &grid, area: area, theme: theme)
            if panel == .statusChart {
                geometry.chartBuckets = drawn.chartBuckets
                geometry.chartLabels = drawn.chartLabels
            }
            geometry.pageSize.merge(drawn.pageSize) { _, new in new }
            geometry.hits.regions += drawn.hits.regions
        }
        if let sidebar = layout.sidebar {
            let controller = SidebarModel(data: data, search: state.sidebar.search, searchSection: state.sidebar.searchSection)
            let view = SidebarView(model: controller, cursor: state.sidebar, focused: state.focus == .sidebar)
            view.render(into: &grid, area: sidebar, theme: theme)
            geometry.hits.regions += view.regions(in: sidebar).regions
        }
        if let footer = layout.footer {
            drawFooter(into: &grid, area: footer, state: state, scope: state.focus == .sidebar ? .sidebar : .panel, theme: theme)
            if state.input != nil { geometry.hits.prompt = footer }
        }
        if let list = state.viewList {
            let overlay = ListOverlay(title: "Views (Enter applies, Esc closes)", items: list.names, cursor: list.cursor,
                                      emptyText: "No saved views: V saves these filters as one")
            overlay.render(into: &grid, area: grid.bounds, theme: theme)
            let size = overlay.preferredSize
            let w = min(size.width, width), h = min(size.height, height)
            geometry.hits.overlay = Rect(x: (width - w) / 2, y: (height - h) / 2, width: w, height: h)
        }
        if let box = drawHelp(into: &grid, state: state, theme: theme) { geometry.hits.overlay = box }
        return ComposedFrame(grid: grid, geometry: geometry)
    }

    /// Draws the help over the frame, when shown; returns where it went (a click outside it closes it).
    @discardableResult
    static func drawHelp(into grid: inout Grid, state: UIState, theme: Theme) -> Rect? {
        guard state.showHelp else { return nil }
        let help = HelpOverlay(entries: KeyBindings.helpEntries)
        let size = help.preferredSize
        let w = min(size.width, grid.width), h = min(size.height, grid.height)
        let box = Rect(x: (grid.width - w) / 2, y: (grid.height - h) / 2, width: w, height: h)
        help.render(into: &grid, area: box, theme: theme)
        return box
    }

    /// Draws the tab strip; returns where each tab went.
    @discardableResult
    private static func drawTabs(into grid: inout Grid, area: Rect, state: UIState, theme: Theme) -> [(PanelID, Rect)] {
        var placed: [(PanelID, Rect)] = []
        var x = area.x
        let current = state.zoomed ?? state.visiblePanel
        // Tabs padded on both sides when they fit, else on the right only.
        let padded = PanelID.allCases.map { " \($0.rawValue) \($0.shortTitle) " }
        let tight = DisplayWidth.of(padded.joined()) > area.width
        for (panel, tab) in zip(PanelID.allCases, padded) {
            let text = tight ? String(tab.dropFirst()) : tab
            let style: Style = panel == current ? .selected : .muted
            let written = grid.put(text, x: x, y: area.y, style: style, maxWidth: area.right - x)
            placed.append((panel, Rect(x: x, y: area.y, width: written, height: 1)))
            x += written
            if x >= area.right { break }
        }
        return placed
    }

    /// The footer: the line being typed, else the message, else the key hints of `scope`.
    static func drawFooter(into grid: inout Grid, area: Rect, state: UIState, scope: KeyScope, theme: Theme) {
        grid.fill(area)
        if let input = state.input {
            let text = input.prompt + input.text
            let written = grid.put(theme.safe(text), x: area.x, y: area.y, style: .focus, maxWidth: area.width)
            if written < area.width { _ = grid.put("_", x: area.x + written, y: area.y, style: .focus.reversed) }
            return
        }
        if let message = state.message {
            _ = grid.put(theme.safe(message), x: area.x, y: area.y, style: .warning, maxWidth: area.width)
            return
        }
        var hints = KeyBindings.hints(for: scope)
        if theme.isASCII {
            hints = hints.map {
                $0.replacingOccurrences(of: "←→↑↓", with: "arrows").replacingOccurrences(of: "←→", with: "left/right")
                    .replacingOccurrences(of: "↑↓", with: "up/down")
                    .replacingOccurrences(of: "⌫", with: "Bksp")
            }
        }
        // Whole hints only: when the line is too narrow, drop hints before the last two ("? keys", "q quit")
        // rather than cutting one in the middle.
        let separator = theme.isASCII ? " | " : " · "
        while hints.count > 2, DisplayWidth.of(hints.joined(separator: separator)) > area.width {
            hints.remove(at: hints.count - 3)
        }
        _ = grid.put(hints.joined(separator: separator), x: area.x, y: area.y, style: .muted, maxWidth: area.width)
    }
}
