/// A plain value that draws itself into a rectangle of a `Grid`. Widgets know nothing of the terminal.
public protocol Widget {
    func render(into grid: inout Grid, area: Rect, theme: Theme)
}

/// Wraps words into lines of at most `width` columns (a word longer than a line is cut).
enum TextWrap {
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if DisplayWidth.of(candidate) <= width {
                current = candidate
            } else {
                if !current.isEmpty { lines.append(current) }
                current = DisplayWidth.truncate(word, toWidth: width, ellipsis: "")
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Like `wrap`, keeping each phrase on one line when it fits there: a line breaks between phrases first, and
    /// inside a phrase only when the phrase alone is wider than the line.
    static func wrap(phrases: [String], width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        for phrase in phrases {
            let candidate = current.isEmpty ? phrase : current + " " + phrase
            if DisplayWidth.of(candidate) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            if DisplayWidth.of(phrase) <= width {
                current = phrase
            } else {
                var pieces = wrap(phrase, width: width)
                current = pieces.popLast() ?? ""
                lines += pieces
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
