/// A centred box listing every key. Drawn over whatever is below it.
public struct HelpOverlay: Widget {
    public struct Entry: Hashable, Sendable {
        public var keys: String
        public var action: String
        public init(_ keys: String, _ action: String) {
            self.keys = keys
            self.action = action
        }
    }

    public var entries: [Entry]
    public var title: String

    public init(entries: [Entry], title: String = "Keys (? or Esc closes)") {
        self.entries = entries
        self.title = title
    }

    /// The box size wanted: content plus a border and one column of padding.
    public var preferredSize: (width: Int, height: Int) {
        let keyWidth = entries.map { DisplayWidth.of($0.keys) }.max() ?? 0
        let actionWidth = entries.map { DisplayWidth.of($0.action) }.max() ?? 0
        let width = max(keyWidth + 2 + actionWidth, DisplayWidth.of(title) + 2) + 4
        return (width, entries.count + 2)
    }

    public func render(into grid: inout Grid, area: Rect, theme: Theme) {
        let size = preferredSize
        let box = area.centered(width: size.width, height: size.height)
        let inner = Panel(title: title, focused: true).draw(into: &grid, area: box, theme: theme)
        let content = inner.inset(left: 1, right: 1)
        guard !content.isEmpty else { return }
        let keyWidth = min(entries.map { DisplayWidth.of($0.keys) }.max() ?? 0, content.width)
        for (i, entry) in entries.prefix(content.height).enumerated() {
            let y = content.y + i
            grid.put(entry.keys, x: content.x, y: y, width: keyWidth, alignment: .left, style: .accent.bolded,
                     ellipsis: theme.glyphs.ellipsis)
            let rest = content.width - keyWidth - 2
            if rest > 0 {
                grid.put(entry.action, x: content.x + keyWidth + 2, y: y, width: rest, alignment: .left,
                         ellipsis: theme.glyphs.ellipsis)
            }
        }
    }
}
