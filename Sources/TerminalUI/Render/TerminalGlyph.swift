/// How one grapheme cluster is written into the grid's cells so that the grid, ncurses and the terminal all
/// agree on the columns it takes, whatever the terminal's idea of emoji widths.
///
/// A cell holds one grapheme cluster, written to the terminal with one `setcchar`. ncurses (6.4) keeps in a
/// cell only the first code point and the zero-width ones after it (at most `CCHARW_MAX` = 5), and it takes
/// the cell's width from the first code point (`wcwidth`); terminals disagree about sequences whose width
/// comes from the code points after the first (a variation selector, a flag's second letter, a ZWJ sequence).
/// So a cluster whose `DisplayWidth` ncurses would not reproduce is written in a form every party measures
/// alike, in the same number of columns, and never shifts what follows:
/// - a flag (two regional indicators, `🇺🇸`) becomes its two letters, `US`;
/// - a text-default emoji made emoji by VS16 (`❤️`, keycap `1️⃣`) loses the selector (`❤`, `1⃣`) and is
///   followed by a blank cell;
/// - a ZWJ sequence or an emoji with a skin-tone modifier (`👨‍👩‍👧`, `👍🏽`) keeps its first emoji (`👨`), which
///   is wide for everyone;
/// - a cluster still longer than a cell can hold (a letter with many combining marks) becomes `�`, or the wide
///   `？` for a two-column one.
/// The grid stores these forms, so the text snapshot, the cell diff and the screen show the same thing.
enum TerminalGlyph {
    /// Code points ncurses stores in one cell (`CCHARW_MAX`).
    static let maxScalars = 5
    static let narrowReplacement = "\u{FFFD}"
    static let wideReplacement = "\u{FF1F}"

    /// The cells for `character`, whose width is `width` (1 or 2): the first cell's text, and for a two-column
    /// cluster the second cell's text, or nil when the first is wide and the second is its continuation.
    static func cells(_ character: Character, width: Int) -> (first: String, second: String?) {
        let scalars = character.unicodeScalars
        guard let base = scalars.first else { return (" ", width == 2 ? " " : nil) }
        let single = scalars.index(after: scalars.startIndex) == scalars.endIndex
        if single && !isRegionalIndicator(base) { return (String(character), nil) }
        if isRegionalIndicator(base) {
            let letters = scalars.prefix(2).map { String(UnicodeScalar(UInt8(0x41 + ($0.value - 0x1F1E6)))) }
            if width == 2 { return letters.count == 2 ? (letters[0], letters[1]) : (letters[0], " ") }
            return (letters[0], nil)
        }
        // What one ncurses cell keeps: the base and the zero-width marks after it, up to the first code point
        // that takes columns of its own; selectors, joiners and tags are dropped (a joiner left at the end of a
        // cell would join the next cell's character on the terminal).
        var kept = String.UnicodeScalarView()
        kept.append(base)
        for scalar in scalars.dropFirst() {
            guard DisplayWidth.isZeroWidth(scalar) else { break }
            if (0xFE00...0xFE0F).contains(scalar.value) || scalar.properties.generalCategory == .format { continue }
            kept.append(scalar)
        }
        if kept.count > maxScalars { return width == 2 ? (wideReplacement, nil) : (narrowReplacement, nil) }
        let keptWide = DisplayWidth.scalarWidth(base) == 2
        let text = String(kept)
        switch (width, keptWide) {
        case (2, true): return (text, nil)
        case (2, false): return (text, " ")
        default: return (text, nil)
        }
    }

    static func isRegionalIndicator(_ s: Unicode.Scalar) -> Bool { (0x1F1E6...0x1F1FF).contains(s.value) }
}
