/// A semantic colour role. The backend maps each role to a curses colour pair (or to nothing when colour is
/// off); widgets never name concrete colours.
public enum ColorRole: Hashable, Sendable {
    case normal, muted, accent, title, selected, focus, warning, good
    /// A figure over its warn level (amber) and over its alert level (red).
    case caution, alert
    /// The n-th data series of a chart (status, result, dial mode...). Backends cycle through
    /// `ColorRole.seriesCount` colours.
    case series(Int)

    /// How many distinct series colours (and fill characters) the themes provide.
    public static let seriesCount = 8
}

/// How a cell is drawn: foreground and background roles plus attributes. `bg == nil` is the terminal's own
/// background. Every style that must read without colour also sets an attribute (reverse, bold, dim).
public struct Style: Hashable, Sendable {
    public var fg: ColorRole
    public var bg: ColorRole?
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(fg: ColorRole = .normal, bg: ColorRole? = nil, bold: Bool = false, reverse: Bool = false,
                underline: Bool = false, dim: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let normal = Style()
    public static let muted = Style(fg: .muted, dim: true)
    public static let accent = Style(fg: .accent)
    public static let title = Style(fg: .title, bold: true)
    public static let selected = Style(fg: .selected, reverse: true)
    public static let focus = Style(fg: .focus, bold: true)
    public static let warning = Style(fg: .warning, bold: true)
    public static let good = Style(fg: .good)
    /// Over a warn level: amber and bold. Over an alert level: red, bold and underlined (so it differs from warn
    /// even without colour; the figure's `!` / `!!` marker says which in words).
    public static let caution = Style(fg: .caution, bold: true)
    public static let alert = Style(fg: .alert, bold: true, underline: true)
    public static func series(_ index: Int) -> Style { Style(fg: .series(index % ColorRole.seriesCount)) }

    public var reversed: Style { var s = self; s.reverse.toggle(); return s }
    public var bolded: Style { var s = self; s.bold = true; return s }
    public var underlined: Style { var s = self; s.underline = true; return s }
}
