import TerminalUI

/// Where everything goes for a given terminal size and UI state. Pure: tested at 200x60, 120x35, 80x24 and
/// below the minimum.
struct ScreenLayout: Equatable {
    static let minimumWidth = 60
    static let minimumHeight = 18
    /// From this size up the sidebar and the panels show at once.
    static let fullWidth = 110
    static let fullHeight = 30
    /// Panel columns from which the compliance panel has a place of its own beside the two tables; below, it takes
    /// the queue table's place while it has the focus (Tab or `7` reach it).
    static let complianceBesideWidth = 150

    enum Mode: Equatable {
        case tooSmall
        /// Sidebar (when not folded) and every panel.
        case full
        /// One panel at a time with a tab strip; the sidebar, when it has the focus, opens on the left beside it.
        case compact
        case wall
    }

    var mode: Mode
    var header = Rect.zero
    var tabs: Rect?
    var sidebar: Rect?
    var panels: [PanelID: Rect] = [:]
    var footer: Rect?
    /// Wall mode: the strip of large live figures.
    var tiles: Rect?

    static func make(width: Int, height: Int, state: UIState, headerHeight: Int) -> ScreenLayout {
        guard width >= minimumWidth, height >= minimumHeight else { return ScreenLayout(mode: .tooSmall) }
        if state.wall { return wall(width: width, height: height, state: state, headerHeight: headerHeight) }
        let full = width >= fullWidth && height >= fullHeight
        var layout = ScreenLayout(mode: full ? .full : .compact)
        let screen = Rect(x: 0, y: 0, width: width, height: height).rows([.fixed(headerHeight), .fill, .fixed(1)])
        layout.header = screen[0]
        layout.footer = screen[2]
        var body = screen[1]
        if !full {
            // The tab strip spans the screen, above the sidebar when it is open.
            let parts = body.rows([.fixed(1), .fill])
            layout.tabs = parts[0]
            body = parts[1]
        }
        let showSidebar = full ? !state.sidebarFolded : state.focus == .sidebar
        if showSidebar {
            // Beside the panels, never over them: a panel drawn under the sidebar would show cut columns and labels.
            let parts = body.columns([.fixed(min(width >= 150 ? 34 : 30, body.width / 2)), .fill])
            layout.sidebar = parts[0]
            body = parts[1]
        }
        if !full || state.zoomed != nil {
            layout.panels[state.zoomed ?? state.visiblePanel] = body
            return layout
        }
        let dateHeight = 5
        let chartHeight = max(8, (body.height - dateHeight) * 55 / 100)
        let rows = body.rows([.fixed(chartHeight), .fill, .fixed(dateHeight)])
        layout.place([.statusChart, .resultDonut, .dialModeDonut], in: rows[0].columns(chartRow(width: rows[0].width)))
        if rows[1].width >= complianceBesideWidth {
            layout.place([.configurationTable, .queueTable, .compliance],
                         in: rows[1].columns([.percent(42), .percent(25), .fill]))
        } else {
            let right: PanelID = state.focus == .panel(.compliance) ? .compliance : .queueTable
            layout.place([.configurationTable, right], in: rows[1].columns([.percent(58), .fill]))
        }
        layout.panels[.dateTable] = rows[2]
        return layout
    }

    /// The chart half the width, the two donuts sharing the rest (the second one taking an odd column).
    private static func chartRow(width: Int) -> [LayoutSize] {
        [.percent(50), .fixed((width - width * 50 / 100) / 2), .fill]
    }

    private mutating func place(_ ids: [PanelID], in areas: [Rect]) {
        for (id, area) in zip(ids, areas) { panels[id] = area }
    }

    private static func wall(width: Int, height: Int, state: UIState, headerHeight: Int) -> ScreenLayout {
        var layout = ScreenLayout(mode: .wall)
        let screen = Rect(x: 0, y: 0, width: width, height: height).rows([.fixed(1), .fixed(height >= 45 ? 8 : 7), .fill])
        layout.header = screen[0]
        layout.tiles = screen[1]
        let body = screen[2]
        if let zoomed = state.zoomed {
            layout.panels[zoomed] = body
            return layout
        }
        let rows = body.rows([.percent(55), .fill])
        layout.place([.statusChart, .resultDonut, .dialModeDonut], in: rows[0].columns(chartRow(width: width)))
        layout.place([.configurationTable, .queueTable], in: rows[1].columns([.percent(50), .fill]))
        return layout
    }
}
