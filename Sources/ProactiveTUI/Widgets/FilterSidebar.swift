/// The filter sidebar: a heading per section and, for the focused section and short lists, its items as
/// `[x] label   count`. Unfocused long lists (and the duration and zone) collapse to one line with a summary
/// (`▸ Queue: Collections Q +1`). The focused section's heading is bold; its cursor row is in reverse video
/// when the sidebar pane has focus. A `/` search narrows the focused list and shows in its heading. When the
/// lines outnumber the rows, the view scrolls to keep the cursor visible.
public struct FilterSidebar: Widget {
    public var content: SidebarContent
    public var state: SidebarState
    /// Whether the sidebar pane has keyboard focus (shows the cursor).
    public var paneFocused: Bool
    /// Lists longer than this collapse when not focused.
    public var collapseThreshold: Int

    public init(content: SidebarContent, state: SidebarState, paneFocused: Bool = true, collapseThreshold: Int = 6) {
        self.content = content
        self.state = state
        self.paneFocused = paneFocused
        self.collapseThreshold = collapseThreshold
    }

    enum Line: Hashable {
        case heading(SidebarSection, expanded: Bool)
        case item(SidebarSection, SidebarItem, countWidth: Int, cursor: Bool)
    }

    func isExpanded(_ section: SidebarSection) -> Bool {
        if section == state.focusedSection { return true }
        guard case .filter = section else { return false }
        return (1...max(1, collapseThreshold)).contains(content.items(in: section).count)
    }

    func lines() -> [Line] {
        var lines: [Line] = []
        for section in SidebarSection.all {
            let expanded = isExpanded(section)
            lines.append(.heading(section, expanded: expanded))
            guard expanded else { continue }
            let focused = section == state.focusedSection
            let items = content.visibleItems(in: section, search: focused ? state.search : "")
            let countWidth = items.compactMap { $0.count.map { NumberFormat.grouped($0).count } }.max() ?? 0
            let cursor = focused ? state.cursor(in: content) : -1
            for (i, item) in items.enumerated() {
                lines.append(.item(section, item, countWidth: countWidth, cursor: i == cursor))
            }
        }
        return lines
    }

    public func render(into grid: inout Grid, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        grid.fill(area)
        let all = lines()
        let cursorLine = all.firstIndex { if case .item(_, _, _, true) = $0 { true } else { false } }
            ?? all.firstIndex(of: .heading(state.focusedSection, expanded: true)) ?? 0
        let headingLine = all.firstIndex { if case .heading(state.focusedSection, _) = $0 { true } else { false } } ?? 0
        var offset = cursorLine >= area.height ? cursorLine - area.height + 1 : 0
        if headingLine < offset, cursorLine - headingLine < area.height { offset = headingLine }
        let g = theme.glyphs
        for (row, line) in all.dropFirst(offset).prefix(area.height).enumerated() {
            let y = area.y + row
            switch line {
            case .heading(let section, let expanded):
                var text = (expanded ? g.expanded : g.collapsed) + " " + section.title
                if !expanded { text += ": " + theme.safe(content.summaries[section] ?? "") }
                if section == state.focusedSection, !state.search.isEmpty { text += "  /" + theme.safe(state.search) }
                let style: Style = section == state.focusedSection ? .focus : .title
                grid.put(text, x: area.x, y: y, width: area.width, alignment: .left, style: style, ellipsis: g.ellipsis)
            case .item(_, let item, let countWidth, let cursor):
                let style: Style = cursor && paneFocused ? .selected : .normal
                if style.reverse { grid.fill(area.row(row), style: style) }
                let box = item.checked ? g.checkboxOn : g.checkboxOff
                let prefix = "  " + box + " "
                grid.put(prefix, x: area.x, y: y, style: style, maxWidth: area.width)
                let prefixWidth = DisplayWidth.of(prefix)
                let countRoom = countWidth > 0 ? countWidth + 1 : 0
                let labelRoom = area.width - prefixWidth - countRoom
                if labelRoom > 0 {
                    grid.put(theme.safe(item.label), x: area.x + prefixWidth, y: y, width: labelRoom,
                             alignment: .left, style: style, ellipsis: g.ellipsis)
                }
                if let count = item.count, countWidth > 0, area.width >= prefixWidth + countRoom {
                    grid.put(NumberFormat.grouped(count), x: area.right - countWidth, y: y, width: countWidth,
                             alignment: .right, style: cursor && paneFocused ? style : .muted)
                }
            }
        }
    }
}
