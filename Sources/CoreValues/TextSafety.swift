/// The one definition of which characters of data text may reach a terminal, a log or a JSON reader as they
/// are, and how long a data value may be when it is shown. Every output path builds on it: the screen's
/// `SafeText`, the command line's writer, and the JSON writer (which escapes what this calls unsafe).
///
/// Unsafe scalars:
/// - C0 controls (U+0000–U+001F), DEL (U+007F) and C1 controls (U+0080–U+009F, which include the 8-bit CSI
///   U+009B): they drive terminals (titles, cursor reports typed back as input, clipboard writes).
/// - Bidirectional overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069) and the marks U+200E,
///   U+200F, U+061C: they reorder what a reader sees.
/// - Every other format character (general category Cf: zero-width space, word joiner, BOM, soft hyphen, ...)
///   except a zero-width joiner or non-joiner, or a tag, that follows a visible base inside one grapheme
///   cluster (emoji ZWJ sequences, subdivision flags, Persian and Indic text need those).
/// - Line and paragraph separators (U+2028, U+2029).
/// - Noncharacters (U+FFFE, U+FFFF, U+FDD0–FDEF, ...) and code points not assigned in this Unicode version: no
///   terminal can show them, and each measures them differently. (Lone surrogates cannot occur in a `String`.)
public enum TextSafety {
    /// The most characters (grapheme clusters) of one data value that any output shows; longer values are cut
    /// and end with `…`.
    public static let valueLimit = 200

    /// C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F).
    @inline(__always)
    public static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value)
    }

    /// Bidirectional overrides, embeddings, isolates and marks.
    public static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
            || v == 0x061C
    }

    /// A format character (Cf) or a line/paragraph separator: invisible, and some of them steer layout.
    public static func isFormat(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0xAD { return false }
        return s.properties.generalCategory == .format || s.value == 0x2028 || s.value == 0x2029
    }

    /// A format character that is harmless after a visible base in the same grapheme cluster.
    public static func joinsCluster(_ s: Unicode.Scalar) -> Bool {
        s.value == 0x200C || s.value == 0x200D || (0xE0020...0xE007F).contains(s.value)
    }

    /// A noncharacter or a code point this Unicode version has not assigned (general category Cn).
    public static func isUnassigned(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x0378 && s.properties.generalCategory == .unassigned
    }

    /// True when `s` must never be shown as it is (see the type's documentation); `inCluster` says whether it
    /// follows a visible base within its grapheme cluster.
    public static func isUnsafe(_ s: Unicode.Scalar, inCluster: Bool) -> Bool {
        if isControl(s) { return true }
        if s.value < 0xAD { return false }
        if isBidiControl(s) || isUnassigned(s) { return true }
        if isFormat(s) { return !(inCluster && joinsCluster(s)) }
        return false
    }

    /// True when a grapheme cluster holds an unsafe scalar.
    public static func isUnsafe(_ character: Character) -> Bool {
        var first = true
        for s in character.unicodeScalars {
            if isUnsafe(s, inCluster: !first) { return true }
            first = false
        }
        return false
    }

    /// `value` cut to at most `limit` characters, ending with `…` when it was cut.
    public static func bounded(_ value: String, limit: Int = valueLimit) -> String {
        // Each character takes at least one UTF-8 byte: a short value needs no count.
        if value.utf8.count <= limit { return value }
        guard limit > 0 else { return "" }
        var count = 0
        var end = value.startIndex
        while end < value.endIndex, count < limit {
            value.formIndex(after: &end)
            count += 1
        }
        if end == value.endIndex { return value }
        let kept = value[..<value.index(before: end)]
        return kept + "…"
    }

    /// `value` bounded and in double quotes, as error messages and summaries quote data.
    public static func quoted(_ value: String, limit: Int = valueLimit) -> String {
        "\"" + bounded(value, limit: limit) + "\""
    }
}
