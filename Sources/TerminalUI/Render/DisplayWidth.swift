/// Terminal column width of text, in pure Swift (after wcwidth / Unicode UAX #11):
/// East Asian Wide and Fullwidth characters and emoji shown in emoji presentation take 2 columns; combining
/// marks and other zero-width characters take 0 (they ride on the character before them); control characters
/// are counted as the 1-column replacement character that `Grid` draws instead; everything else (including
/// East Asian Ambiguous) takes 1.
public enum DisplayWidth {
    /// The columns one grapheme cluster occupies.
    public static func of(_ character: Character) -> Int {
        // One byte: ASCII, printable or a control (drawn as the 1-column replacement): most of every frame.
        if character.utf8.count == 1 { return 1 }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // One code point of Latin-1 and Latin Extended (not a C1 control), box drawing, block elements or
        // braille: the borders, bars and ring of every frame. None is a control, a mark, wide or an emoji, so
        // each takes one column, as the general rules below give.
        if scalars.index(after: scalars.startIndex) == scalars.endIndex, isSimpleOneColumn(first) { return 1 }
        return generalWidth(character)
    }

    /// A code point of Latin-1 and Latin Extended (not a C1 control), general punctuation (dashes, quotes,
    /// bullets, `…`), arrows, box drawing, block elements, geometric shapes (`▸`, `●`; not U+25FD/U+25FE, which
    /// are emoji shown wide) or braille: one column, never a control, a mark or wide, and always a grapheme cluster
    /// of its own beside another such or printable ASCII (a test checks both against the general rules).
    static func isSimpleOneColumn(_ s: Unicode.Scalar) -> Bool { isSimpleOneColumn(s.value) }

    /// `isSimpleOneColumn` of a code point's value.
    static func isSimpleOneColumn(_ v: UInt32) -> Bool {
        return (0xA0...0x2FF).contains(v) || (0x2010...0x2027).contains(v) || (0x2190...0x21FF).contains(v)
            || (0x2500...0x25FC).contains(v) || (0x2800...0x28FF).contains(v)
    }

    /// `of(character)` by the general rules alone (the fast paths above give the same; a test checks it).
    static func generalWidth(_ character: Character) -> Int {
        if character.utf8.count == 1 { return 1 }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.contains(where: { SafeText.isControl($0) }) { return 1 }
        if character.isASCII { return 1 }
        // Emoji: an emoji-presentation character, a text-default emoji forced to emoji by VS16, a flag pair,
        // a keycap sequence.
        if first.properties.isEmojiPresentation { return 2 }
        if scalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
        if (0x1F1E6...0x1F1FF).contains(first.value) { return scalars.count >= 2 ? 2 : 1 }
        if isZeroWidth(first) {
            // A cluster made only of zero-width scalars (a lone combining mark, a ZWJ, a BOM).
            return scalars.contains(where: { !isZeroWidth($0) }) ? scalarWidth(firstNonZero(scalars)) : 0
        }
        return scalarWidth(first)
    }

    /// The columns a string occupies.
    /// (Printable ASCII is one column a byte, each byte a cluster of its own: counted without splitting the
    /// text into clusters.)
    public static func of(_ text: String) -> Int {
        if let n = printableASCIICount(text) { return n }
        if let n = simpleScalarCount(text) { return n }
        return text.reduce(0) { $0 + of($1) }
    }

    /// The code point count of `text` when each is printable ASCII or `isSimpleOneColumn` (each then a cluster of
    /// its own, one column: what `Grid.put`'s scalar path relies on too), else nil.
    static func simpleScalarCount(_ text: String) -> Int? {
        var n = 0
        for s in text.unicodeScalars {
            guard (0x20..<0x7F).contains(s.value) || isSimpleOneColumn(s) else { return nil }
            n += 1
        }
        return n
    }

    /// The byte count of `text` when every byte is printable ASCII (U+0020...U+007E), else nil.
    static func printableASCIICount(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            for b in bytes where b < 0x20 || b >= 0x7F { return nil }
            return bytes.count
        }
    }
    public static func of(_ text: Substring) -> Int { text.reduce(0) { $0 + of($1) } }

    /// Cuts `text` to at most `width` columns. When it had to cut, the result ends with `ellipsis` (the theme's
    /// glyph: `…` in Unicode, `~` in ASCII: one column, so a narrow column loses as little as possible).
    /// A width smaller than the ellipsis gives a bare prefix.
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let ellipsisWidth = of(ellipsis)
        let room = width >= ellipsisWidth ? width - ellipsisWidth : width
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > room { break }
            result.append(character)
            used += w
        }
        return width >= ellipsisWidth ? result + ellipsis : result
    }

    /// Pads `text` with spaces to exactly `width` columns (truncating first when it is wider).
    static func pad(_ text: String, toWidth width: Int, alignment: Alignment = .left,
                           ellipsis: String = "…") -> String {
        let cut = truncate(text, toWidth: width, ellipsis: ellipsis)
        let gap = max(0, width - of(cut))
        switch alignment {
        case .left: return cut + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + cut
        case .center:
            let l = gap / 2
            return String(repeating: " ", count: l) + cut + String(repeating: " ", count: gap - l)
        }
    }

    static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return s.value != 0x00AD
        default: break
        }
        let v = s.value
        return (0x1160...0x11FF).contains(v) || (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v)
            || v == 0x200B
    }

    private static func firstNonZero(_ scalars: Character.UnicodeScalarView) -> Unicode.Scalar {
        scalars.first(where: { !isZeroWidth($0) }) ?? scalars.first!
    }

    static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if isZeroWidth(s) { return 0 }
        if s.properties.isEmojiPresentation { return 2 }
        for range in wideRanges where range.contains(v) { return 2 }
        return 1
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges that are not emoji (emoji are found by their property).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
        0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}

/// Horizontal placement of text in a column.
public enum Alignment: Hashable, Sendable {
    case left, right, center
}
