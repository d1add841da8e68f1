/// Where each key of a TOML document is written (line and column, from 1), by its dotted path: TOMLKit gives a
/// syntax error's place but not the place of a key it parsed, and an error about a key's meaning should point at it
/// as well. Runs only on text TOMLKit accepted, so it follows the grammar loosely: table headers, dotted keys,
/// quoted keys, inline tables, arrays, every kind of string (so `#`, `=` or `[` inside one are not taken for syntax).
struct TOMLKeyLocator {
    struct Position: Hashable, Sendable {
        var line: Int
        var column: Int
    }

    private var positions: [[String]: Position] = [:]
    private let scalars: [Unicode.Scalar]
    private var i = 0
    private var line = 1
    private var lineStart = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        scanDocument()
    }

    /// The place of the key at `path`, else of its nearest enclosing key that has one.
    func position(_ path: [String]) -> Position? {
        var p = path
        while !p.isEmpty {
            if let found = positions[p] { return found }
            p.removeLast()
        }
        return nil
    }

    /// The line each key at `path` + one more part is written on (for keeping a table's keys in file order).
    func line(of path: [String]) -> Int? { positions[path]?.line }

    // MARK: Scanning

    private var current: Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }
    private func peek(_ offset: Int) -> Unicode.Scalar? { i + offset < scalars.count ? scalars[i + offset] : nil }
    private var here: Position { Position(line: line, column: i - lineStart + 1) }

    private mutating func advance() {
        if current == "\n" {
            line += 1
            lineStart = i + 1
        }
        i += 1
    }

    private mutating func skipSpaces() {
        while let c = current, c == " " || c == "\t" { advance() }
    }

    /// Spaces, newlines and comments.
    private mutating func skipBlank() {
        while let c = current {
            if c == " " || c == "\t" || c == "\n" || c == "\r" { advance() } else if c == "#" { skipLine() } else { break }
        }
    }

    private mutating func skipLine() {
        while let c = current, c != "\n" { advance() }
    }

    private mutating func record(_ path: [String], _ position: Position) {
        if positions[path] == nil { positions[path] = position }
    }

    private mutating func scanDocument() {
        var table: [String] = []
        while true {
            skipBlank()
            guard let c = current else { return }
            let before = i
            if c == "[" {
                advance()
                if current == "[" { advance() }
                let (parts, places) = scanKey()
                for k in parts.indices { record(Array(parts[...k]), places[k]) }
                table = parts
                skipLine()
            } else {
                scanKeyValue(prefix: table)
                skipLine()
            }
            if i == before { advance() }
        }
    }

    private mutating func scanKeyValue(prefix: [String]) {
        let (parts, places) = scanKey()
        for k in parts.indices { record(prefix + parts[...k], places[k]) }
        skipSpaces()
        guard current == "=" else { return }
        advance()
        skipSpaces()
        scanValue(path: prefix + parts)
    }

    /// A dotted key (`a."b c".d`): its parts and where each starts.
    private mutating func scanKey() -> ([String], [Position]) {
        var parts: [String] = [], places: [Position] = []
        while true {
            skipSpaces()
            let start = here
            var part = ""
            let quoted = current == "\"" || current == "'"
            if quoted {
                part = scanString()
            } else {
                while let c = current, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_" {
                    part.unicodeScalars.append(c)
                    advance()
                }
            }
            if !quoted, part.isEmpty { break }
            parts.append(part)
            places.append(start)
            skipSpaces()
            if current == "." { advance() } else { break }
        }
        return (parts, places)
    }

    private mutating func scanValue(path: [String]) {
        guard let c = current else { return }
        switch c {
        case "\"", "'":
            _ = scanString()
        case "[":
            advance()
            while true {
                skipBlank()
                guard let d = current else { return }
                if d == "]" { advance(); return }
                let before = i
                scanValue(path: path)
                skipBlank()
                if current == "," { advance() }
                if i == before { advance() }
            }
        case "{":
            advance()
            while true {
                skipSpaces()
                guard let d = current, d != "\n" else { return }
                if d == "}" { advance(); return }
                let before = i
                scanKeyValue(prefix: path)
                skipSpaces()
                if current == "," { advance() }
                if i == before { advance() }
            }
        default:
            while let d = current, !(d == "," || d == "]" || d == "}" || d == "\n" || d == "#" || d == " " || d == "\t") {
                advance()
            }
        }
    }

    /// A basic or literal string, single- or multi-line; its content (escapes read for the common cases).
    private mutating func scanString() -> String {
        guard let quote = current else { return "" }
        let multi = peek(1) == quote && peek(2) == quote
        advance()
        if multi { advance(); advance() }
        var out = ""
        while let c = current {
            if quote == "\"", c == "\\" {
                advance()
                if let e = current {
                    switch e {
                    case "n": out += "\n"
                    case "t": out += "\t"
                    default: out.unicodeScalars.append(e)
                    }
                    advance()
                }
                continue
            }
            if c == quote {
                if !multi { advance(); return out }
                if peek(1) == quote, peek(2) == quote {
                    advance(); advance(); advance()
                    // Up to two more quotes may end the content (`""""` is a quote and the end).
                    while current == quote { out.unicodeScalars.append(quote); advance() }
                    return out
                }
            }
            if !multi, c == "\n" { return out }
            out.unicodeScalars.append(c)
            advance()
        }
        return out
    }
}
