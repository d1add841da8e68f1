/// A centred box listing names with one under the cursor (the saved views, `v`). Drawn over whatever is below it.
public struct ListOverlay: Widget {
    public var title: String
    public var items: [String]
    public var cursor: Int
    /// Shown instead of the list when it is empty.
    public var emptyText: String

    public init(title: String, items: [String], cursor: Int, emptyText: String) {
        self.title = title
        self.items = items
        self.cursor = cursor
        self.emptyText = emptyText
    }

    public var preferredSize: (width: Int, height: Int) {
        let lines = items.isEmpty ? [emptyText] : items
        let width = max(lines.map { DisplayWidth.of($0) + 2 }.max() ?? 0, DisplayWidth.of(title) + 2) + 4
        return (width, lines.count + 2)
    }

    public func render(into grid: inout Grid, area: Rect, theme: Theme) {
        let size = preferredSize
        let box = area.centered(width: min(size.width, area.width), height: min(size.height, area.height))
        let inner = Panel(title: title, focused: true).draw(into: &grid, area: box, theme: theme)
        let content = inner.inset(left: 1, right: 1)
        guard !content.isEmpty else { return }
        grid.fill(content)
        if items.isEmpty {
            grid.put(emptyText, x: content.x, y: content.y, width: content.width, alignment: .left, style: .muted,
                     ellipsis: theme.glyphs.ellipsis)
            return
        }
        let offset = ScrollWindow.offset(selected: cursor, current: 0, visible: content.height, count: items.count)
        for (i, item) in items[offset..<min(items.count, offset + content.height)].enumerated() {
            let selected = offset + i == cursor
            let text = (selected ? theme.glyphs.collapsed : " ") + " " + theme.safe(item)
            grid.put(text, x: content.x, y: content.y + i, width: content.width, alignment: .left,
                     style: selected ? .selected : .normal, ellipsis: theme.glyphs.ellipsis)
        }
    }
}
