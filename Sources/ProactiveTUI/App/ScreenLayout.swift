/// Where everything goes for a given terminal size and UI state. Pure: tested at 200x60, 120x35, 80x24 and
/// below the minimum.
struct ScreenLayout: Equatable {
    static let minimumWidth = 60
    static let minimumHeight = 18
    /// From this size up the sidebar and all six panels show at once.
    static let fullWidth = 110
    static let fullHeight = 30

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
        layout.header = Rect(x: 0, y: 0, width: width, height: headerHeight)
        layout.footer = Rect(x: 0, y: height - 1, width: width, height: 1)
        var body = Rect(x: 0, y: headerHeight, width: width, height: height - headerHeight - 1)
        if !full {
            // The tab strip spans the screen, above the sidebar when it is open.
            layout.tabs = Rect(x: body.x, y: body.y, width: body.width, height: 1)
            body = Rect(x: body.x, y: body.y + 1, width: body.width, height: body.height - 1)
        }
        let showSidebar = full ? !state.sidebarFolded : state.focus == .sidebar
        if showSidebar {
            // Beside the panels, never over them: a panel drawn under the sidebar would show cut columns and labels.
            let sidebarWidth = min(width >= 150 ? 34 : 30, body.width / 2)
            layout.sidebar = Rect(x: 0, y: body.y, width: sidebarWidth, height: body.height)
            body = Rect(x: sidebarWidth, y: body.y, width: body.width - sidebarWidth, height: body.height)
        }
        if !full || state.zoomed != nil {
            layout.panels[state.zoomed ?? state.visiblePanel] = body
            return layout
        }
        let dateHeight = 5
        let rest = body.height - dateHeight
        let chartHeight = max(8, rest * 55 / 100)
        let tableHeight = rest - chartHeight
        let chartWidth = body.width / 2
        let donutWidth = (body.width - chartWidth) / 2
        layout.panels[.statusChart] = Rect(x: body.x, y: body.y, width: chartWidth, height: chartHeight)
        layout.panels[.resultDonut] = Rect(x: body.x + chartWidth, y: body.y, width: donutWidth, height: chartHeight)
        layout.panels[.dialModeDonut] = Rect(x: body.x + chartWidth + donutWidth, y: body.y,
                                             width: body.width - chartWidth - donutWidth, height: chartHeight)
        let configWidth = body.width * 58 / 100
        layout.panels[.configurationTable] = Rect(x: body.x, y: body.y + chartHeight, width: configWidth, height: tableHeight)
        layout.panels[.queueTable] = Rect(x: body.x + configWidth, y: body.y + chartHeight,
                                          width: body.width - configWidth, height: tableHeight)
        layout.panels[.dateTable] = Rect(x: body.x, y: body.y + chartHeight + tableHeight, width: body.width, height: dateHeight)
        return layout
    }

    private static func wall(width: Int, height: Int, state: UIState, headerHeight: Int) -> ScreenLayout {
        var layout = ScreenLayout(mode: .wall)
        layout.header = Rect(x: 0, y: 0, width: width, height: 1)
        let tileHeight = height >= 45 ? 8 : 7
        layout.tiles = Rect(x: 0, y: 1, width: width, height: tileHeight)
        let top = 1 + tileHeight
        let body = Rect(x: 0, y: top, width: width, height: height - top)
        if let zoomed = state.zoomed {
            layout.panels[zoomed] = body
            return layout
        }
        let chartHeight = body.height * 55 / 100
        let tableHeight = body.height - chartHeight
        let chartWidth = width / 2
        let donutWidth = (width - chartWidth) / 2
        layout.panels[.statusChart] = Rect(x: 0, y: top, width: chartWidth, height: chartHeight)
        layout.panels[.resultDonut] = Rect(x: chartWidth, y: top, width: donutWidth, height: chartHeight)
        layout.panels[.dialModeDonut] = Rect(x: chartWidth + donutWidth, y: top, width: width - chartWidth - donutWidth,
                                             height: chartHeight)
        let configWidth = width / 2
        layout.panels[.configurationTable] = Rect(x: 0, y: top + chartHeight, width: configWidth, height: tableHeight)
        layout.panels[.queueTable] = Rect(x: configWidth, y: top + chartHeight, width: width - configWidth, height: tableHeight)
        return layout
    }
}
