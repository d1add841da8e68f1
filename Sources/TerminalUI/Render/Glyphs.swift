/// The characters widgets draw with: a Unicode set and a plain-ASCII set (for the Linux console, `LANG=C`,
/// or a user who asks for it). Every chart stays readable without colour because each series has its own
/// fill character and legends show that character.
public struct Glyphs: Hashable, Sendable {
    public var topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical: String
    /// Axis line and the mark at a labelled tick.
    public var axisVertical, axisTick: String
    /// Fill of series 0, 1, 2... (cycled).
    public var seriesFills: [String]
    /// Partial block tops, index 1...8 eighths (index 0 unused); nil in ASCII, which draws whole cells.
    public var eighths: [String]?
    public var ellipsis: String
    public var checkboxOn, checkboxOff: String
    public var expanded, collapsed: String
    public var arrowUp, arrowDown, arrowLeft, arrowRight: String
    /// Separator between items of a summary line.
    public var separator: String
    /// The block used by `BigDigits`.
    public var bigDigitBlock: String
    /// Whether donuts use a braille dot grid (else one series character per cell).
    public var braille: Bool
    public var times: String

    public func fill(series index: Int) -> String { seriesFills[((index % seriesFills.count) + seriesFills.count) % seriesFills.count] }

    public static let unicode = Glyphs(
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│",
        axisVertical: "│", axisTick: "┤",
        seriesFills: ["█", "▓", "▒", "░", "▚", "▞", "▙", "▟"],
        eighths: ["", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        ellipsis: "…", checkboxOn: "[x]", checkboxOff: "[ ]", expanded: "▾", collapsed: "▸",
        arrowUp: "↑", arrowDown: "↓", arrowLeft: "←", arrowRight: "→", separator: " · ", bigDigitBlock: "█",
        braille: true, times: "×")

    /// ASCII: the ellipsis is `~` (one column, so narrow table cells keep their text).
    public static let ascii = Glyphs(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|",
        axisVertical: "|", axisTick: "+",
        seriesFills: ["#", "@", "%", "+", "=", "*", ":", "."],
        eighths: nil,
        ellipsis: "~", checkboxOn: "[x]", checkboxOff: "[ ]", expanded: "v", collapsed: ">",
        arrowUp: "^", arrowDown: "v", arrowLeft: "<", arrowRight: ">", separator: " | ", bigDigitBlock: "#",
        braille: false, times: "x")
}

/// What the frame is drawn with: the glyph set and whether colour is on. Widgets take a theme; the backend
/// chooses it from the terminal (`nl_langinfo(CODESET)`, `NO_COLOR`, the number of colours).
public struct Theme: Hashable, Sendable {
    public var glyphs: Glyphs
    public var colors: Bool
    public var isASCII: Bool

    public init(glyphs: Glyphs, colors: Bool, isASCII: Bool) {
        self.glyphs = glyphs
        self.colors = colors
        self.isASCII = isASCII
    }

    public static func unicode(colors: Bool = true) -> Theme { Theme(glyphs: .unicode, colors: colors, isASCII: false) }
    public static func ascii(colors: Bool = false) -> Theme { Theme(glyphs: .ascii, colors: colors, isASCII: true) }

    /// Data text made safe for this theme (see `SafeText`).
    public func safe(_ text: String) -> String { SafeText.sanitize(text, ascii: isASCII) }

    /// `text` cut to `width` columns with this theme's ellipsis.
    public func truncate(_ text: String, _ width: Int) -> String {
        DisplayWidth.truncate(text, toWidth: width, ellipsis: glyphs.ellipsis)
    }
}
