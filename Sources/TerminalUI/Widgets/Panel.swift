/// A bordered box with a title on the top border and an optional footer (e.g. a scroll position `12/40`) on
/// the bottom border. A focused panel shows its title in reverse video and its border bold, so focus reads
/// without colour.
public struct Panel: Widget {
    public var title: String
    public var focused: Bool
    public var footer: String?

    public init(title: String, focused: Bool = false, footer: String? = nil) {
        self.title = title
        self.focused = focused
        self.footer = footer
    }

    /// The rectangle inside the border.
    public static func inner(of area: Rect) -> Rect { area.inset(1) }

    public func render(into grid: inout Grid, area: Rect, theme: Theme) {
        _ = draw(into: &grid, area: area, theme: theme)
    }

    /// Draws the box and returns the inner rectangle (what a widget inside should use).
    @discardableResult
    public func draw(into grid: inout Grid, area: Rect, theme: Theme) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return .zero }
        let g = theme.glyphs
        let border = focused ? Style.focus : Style.muted
        grid.fill(area, with: " ")
        // The border as spans of one glyph each (what `put` of the joined lines writes, cell for cell).
        let (top, bottom, inside) = (area.y, area.bottom - 1, area.height - 2)
        grid.put(g.topLeft, x: area.x, y: top, style: border)
        grid.put(g.topRight, x: area.right - 1, y: top, style: border)
        grid.put(g.bottomLeft, x: area.x, y: bottom, style: border)
        grid.put(g.bottomRight, x: area.right - 1, y: bottom, style: border)
        for row in [top, bottom] {
            grid.fill(Rect(x: area.x + 1, y: row, width: area.width - 2, height: 1), with: g.horizontal, style: border)
        }
        for column in [area.x, area.right - 1] {
            grid.fill(Rect(x: column, y: top + 1, width: 1, height: inside), with: g.vertical, style: border)
        }
        let room = area.width - 4
        if room > 0, !title.isEmpty {
            let text = " " + theme.truncate(theme.safe(title), room) + " "
            grid.put(text, x: area.x + 1, y: area.y, style: focused ? Style.title.reversed : .title)
        }
        if let footer, !footer.isEmpty, room > 0 {
            let text = " " + theme.truncate(theme.safe(footer), room) + " "
            grid.put(text, x: area.right - 1 - DisplayWidth.of(text), y: area.bottom - 1, style: .muted)
        }
        return Panel.inner(of: area)
    }
}
