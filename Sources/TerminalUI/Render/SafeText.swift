import CoreValues

/// Makes text that comes from data safe to draw or print: imported text must never drive the terminal. The
/// screen (`Grid`), the text snapshot and every command's output (`Console`) use it; which characters are unsafe
/// is defined once, in `TextSafety` (the JSON writer escapes the same ones).
///
/// - A grapheme cluster holding a C0 control, DEL or a C1 control (which include the 8-bit CSI) is replaced by
///   `�` (`?` in ASCII), so an escape sequence such as `ESC[31m` shows as `�[31m` and does nothing. Tab, line
///   feed and carriage return become a space (a name with a line break stays on its line).
/// - So is one holding a bidirectional override, embedding, isolate or mark (they would reorder what the
///   supervisor reads), or any other format character (zero-width space, BOM, ...) other than a joiner inside
///   an emoji or script cluster.
/// - In ASCII mode a letter with accents loses them (`Zürich` reads `Zurich`, `Ærø` reads `AEro`), typographic
///   quotes and dashes become their plain forms, and any other non-ASCII character becomes `?` (one per grapheme
///   cluster).
public enum SafeText {
    static let replacement = "\u{FFFD}"
    static let asciiReplacement = "?"

    /// The most characters of one text that the screen shows (no terminal line is longer): a longer one is cut
    /// first, so a 1 MB name costs a frame no more than a short one.
    static let screenLimit = 1000

    public static func sanitize(_ text: String, ascii: Bool = false) -> String {
        let text = TextSafety.bounded(text, limit: screenLimit)
        // Fast path: the common case is plain printable text.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            let scalars = character.unicodeScalars
            if TextSafety.isUnsafe(character) {
                // "\r\n" is one Character; both whitespace controls read as one space.
                if scalars.allSatisfy({ $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
                    out.append(" ")
                } else {
                    out.append(ascii ? asciiReplacement : replacement)
                }
            } else if ascii && !character.isASCII {
                out.append(asciiFallback(character))
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// The nearest ASCII for a character ASCII mode cannot show: its base letter when it is a letter with marks
    /// (canonical decomposition), a plain form of a few letters and punctuation without one, else `?`.
    static func asciiFallback(_ character: Character) -> String {
        if let plain = plainForms[character] { return plain }
        let scalars = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
        if let base = scalars.first, base.isASCII, base.value >= 0x20, base.value < 0x7F,
           scalars.dropFirst().allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
            return String(base)
        }
        return asciiReplacement
    }

    private static let plainForms: [Character: String] = [
        "ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Ø": "O", "ø": "o", "Ł": "L", "ł": "l", "Đ": "D",
        "đ": "d", "Þ": "Th", "þ": "th", "ı": "i", "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"", "\u{201D}": "\"",
        "\u{2013}": "-", "\u{2014}": "-", "\u{2026}": "...", "\u{00A0}": " ", "\u{00B7}": ".",
    ]

    /// C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F).
    static func isControl(_ s: Unicode.Scalar) -> Bool { TextSafety.isControl(s) }

    /// Sanitised and cut to `TextSafety.valueLimit` characters: one data value as a command line shows it.
    public static func value(_ text: String, ascii: Bool = false) -> String {
        sanitize(TextSafety.bounded(text), ascii: ascii)
    }
}
