/// Large figures for the wall-monitor mode: each digit 3×5 cells of blocks (`█`, ASCII `#`), one blank
/// column between characters. Knows digits, `,` `.` `%` `:` `-` and space; other characters draw as a gap.
public struct BigDigits: Widget {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .title) {
        self.text = text
        self.style = style
    }

    public static let height = 5

    /// The columns `text` takes.
    public static func width(of text: String) -> Int {
        let ws = text.map { pattern(for: $0)[0].count }
        return ws.reduce(0, +) + max(0, ws.count - 1)
    }

    /// Draws centred in `area` (nothing when it does not fit).
    public func render(into grid: inout Grid, area: Rect, theme: Theme) {
        let w = BigDigits.width(of: text)
        guard w <= area.width, area.height >= BigDigits.height else { return }
        let origin = area.centered(width: w, height: BigDigits.height)
        draw(into: &grid, x: origin.x, y: origin.y, theme: theme)
    }

    /// Draws with the top-left corner at (`x`, `y`); returns the width drawn.
    @discardableResult
    public func draw(into grid: inout Grid, x: Int, y: Int, theme: Theme) -> Int {
        var col = x
        for (i, ch) in text.enumerated() {
            if i > 0 { col += 1 }
            let rows = BigDigits.pattern(for: ch)
            for (r, row) in rows.enumerated() {
                for (c, mark) in row.enumerated() where mark != " " {
                    grid.put(mark == "#" ? theme.glyphs.bigDigitBlock : String(mark), x: col + c, y: y + r, style: style)
                }
            }
            col += rows[0].count
        }
        return col - x
    }

    static func pattern(for ch: Character) -> [String] {
        switch ch {
        case "0": ["###", "# #", "# #", "# #", "###"]
        case "1": [" # ", "## ", " # ", " # ", "###"]
        case "2": ["###", "  #", "###", "#  ", "###"]
        case "3": ["###", "  #", "###", "  #", "###"]
        case "4": ["# #", "# #", "###", "  #", "  #"]
        case "5": ["###", "#  ", "###", "  #", "###"]
        case "6": ["###", "#  ", "###", "# #", "###"]
        case "7": ["###", "  #", "  #", "  #", "  #"]
        case "8": ["###", "# #", "###", "# #", "###"]
        case "9": ["###", "# #", "###", "  #", "###"]
        case ",": [" ", " ", " ", "#", ","]
        case ".": [" ", " ", " ", " ", "#"]
        case ":": [" ", "#", " ", "#", " "]
        case "%": ["# #", "  #", " # ", "#  ", "# #"]
        case "-": ["   ", "   ", "###", "   ", "   "]
        default: [" ", " ", " ", " ", " "]
        }
    }
}
