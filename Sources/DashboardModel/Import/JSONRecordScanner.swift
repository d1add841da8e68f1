/// A streaming, byte-level JSON reader for import files: Web API pages `{"value": [...]}` (one or several, one
/// after another), a bare array of records, JSON Lines, or record objects one after another. It validates the
/// whole file as JSON, tracks lines for error messages, and keeps only the raw byte ranges of the used columns.
struct JSONRecordScanner {
    let file: String
    let p: UnsafePointer<UInt8>
    let count: Int
    /// JSON Lines: a line break inside a record is an error (the record is incomplete).
    let oneRecordPerLine: Bool
    private var pos = 0
    private var line = 1
    private var lineStart = 0
    private var recordsSeen = 0
    /// The record being read, named in syntax errors.
    private var currentRecord: Int? = nil
    private var insideLineRecord = false
    private let fields: RecordFields
    private let names = ColumnNameTable(ignoreCase: false)

    static let maxDepth = 512

    init(file: String, bytes: FileBytes, oneRecordPerLine: Bool) {
        self.file = file
        p = bytes.base
        count = bytes.count
        self.oneRecordPerLine = oneRecordPerLine
        fields = RecordFields(base: bytes.base)
    }

    /// Deliveries are staged here (from the file's bytes) instead of handed to `body` as records.
    var stager: DeliveryStager?

    /// Calls `body` per record; with a `stager`, a delivery is staged and `body` gets nil for it.
    mutating func scan(_ body: (ImportRecord?, RecordLocation) throws -> Void) throws {
        if count >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF {
            pos = 3
            lineStart = 3
        }
        while true {
            try skipWhitespace()
            guard pos < count else { return }
            switch p[pos] {
            case 91: try readRecordArray(body)
            case 123: try readObject(topLevel: true, body)
            default: throw syntax("expected '{' or '[' (a page, an array of records or a record), found \(describe(pos))")
            }
        }
    }

    // MARK: Structure

    /// At `[`: an array whose elements are all record objects.
    private mutating func readRecordArray(_ body: (ImportRecord?, RecordLocation) throws -> Void) throws {
        pos += 1
        try skipWhitespace()
        if pos < count, p[pos] == 93 {
            pos += 1
            return
        }
        while true {
            try skipWhitespace()
            guard pos < count else { throw syntax("the file ends inside an array of records") }
            guard p[pos] == 123 else { throw syntax("expected a record object in the array, found \(describe(pos))") }
            try readObject(topLevel: false, body)
            try skipWhitespace()
            guard pos < count else { throw syntax("the file ends inside an array of records (expected ',' or ']')") }
            if p[pos] == 44 {
                pos += 1
            } else if p[pos] == 93 {
                pos += 1
                return
            } else {
                throw syntax("expected ',' or ']' after a record, found \(describe(pos))")
            }
        }
    }

    /// At `{`: a record; or, at the top level, a page when a member `"value"` holds an array.
    private mutating func readObject(topLevel: Bool, _ body: (ImportRecord?, RecordLocation) throws -> Void) throws {
        let recordLine = line
        let recordNumber = recordsSeen + 1
        currentRecord = recordNumber
        insideLineRecord = topLevel && oneRecordPerLine
        var isPage = false
        fields.beginRecord()
        pos += 1
        try skipWhitespace()
        if pos < count, p[pos] == 125 {
            pos += 1
        } else {
            while true {
                try skipWhitespace()
                guard pos < count else { throw syntax("the file ends inside an object") }
                guard p[pos] == 34 else { throw syntax("expected a member name in double quotes, found \(describe(pos))") }
                pos += 1
                let key = try scanString()
                try skipWhitespace()
                guard pos < count, p[pos] == 58 else {
                    throw syntax("expected ':' after a member name, found \(describe(pos))")
                }
                pos += 1
                try skipWhitespace()
                guard pos < count else { throw syntax("the file ends before a member's value") }
                if isPage {
                    try skipValue(depth: 1)
                } else if topLevel, p[pos] == 91, isValueKey(key) {
                    // A Web API page: its records are the array's elements; its other members are ignored.
                    isPage = true
                    currentRecord = nil
                    insideLineRecord = false
                    try readRecordArray(body)
                } else {
                    let slot = slot(for: key)
                    if slot >= 0 { try readValue(into: slot) } else { try skipValue(depth: 1) }
                }
                try skipWhitespace()
                guard pos < count else { throw syntax("the file ends inside an object (expected ',' or '}')") }
                if p[pos] == 44 {
                    pos += 1
                } else if p[pos] == 125 {
                    pos += 1
                    break
                } else {
                    throw syntax("expected ',' or '}' after a member, found \(describe(pos))")
                }
            }
        }
        insideLineRecord = false
        currentRecord = nil
        if isPage { return }
        recordsSeen = recordNumber
        let built: ImportRecord?
        do {
            built = try RecordBuilder.build(fields, staging: stager)
        } catch let problem as RecordProblem {
            throw ImportError(file: file, line: recordLine, record: recordNumber, column: problem.column, reason: problem.reason)
        }
        try body(built, RecordLocation(file: file, line: recordLine, record: recordNumber))
        if recordNumber & 4095 == 0 { stager?.noteRead(pos, of: count) }
    }

    private func isValueKey(_ key: (start: Int, end: Int, escaped: Bool)) -> Bool {
        key.end - key.start == 5 && !key.escaped && p[key.start] == 118 && p[key.start + 1] == 97
            && p[key.start + 2] == 108 && p[key.start + 3] == 117 && p[key.start + 4] == 101
    }

    private func slot(for key: (start: Int, end: Int, escaped: Bool)) -> Int {
        if !key.escaped { return names.slot(p + key.start, key.end - key.start) }
        return names.slot(JSONText.unescape(p, key.start, key.end))
    }

    /// A member value of a record, kept as a raw field.
    private mutating func readValue(into slot: Int) throws {
        let start = pos
        switch p[pos] {
        case 34:
            pos += 1
            let s = try scanString()
            fields.set(slot, .string, style: s.escaped ? .jsonEscaped : .plain, start: s.start, end: s.end)
        case 116:
            try scanLiteral("true")
            fields.set(slot, .boolTrue, start: start, end: pos)
        case 102:
            try scanLiteral("false")
            fields.set(slot, .boolFalse, start: start, end: pos)
        case 110:
            try scanLiteral("null")
            fields.set(slot, .null, start: start, end: pos)
        case 123:
            try skipValue(depth: 1)
            fields.set(slot, .object, start: start, end: pos)
        case 91:
            try skipValue(depth: 1)
            fields.set(slot, .array, start: start, end: pos)
        default:
            try scanNumber()
            fields.set(slot, .number, start: start, end: pos)
        }
    }

    /// Any JSON value, checked and skipped.
    private mutating func skipValue(depth: Int) throws {
        guard depth <= Self.maxDepth else { throw syntax("values are nested more than \(Self.maxDepth) deep") }
        guard pos < count else { throw syntax("the file ends before a value") }
        switch p[pos] {
        case 34:
            pos += 1
            _ = try scanString()
        case 116: try scanLiteral("true")
        case 102: try scanLiteral("false")
        case 110: try scanLiteral("null")
        case 123:
            pos += 1
            try skipWhitespace()
            if pos < count, p[pos] == 125 {
                pos += 1
                return
            }
            while true {
                try skipWhitespace()
                guard pos < count, p[pos] == 34 else {
                    throw syntax("expected a member name in double quotes, found \(describe(pos))")
                }
                pos += 1
                _ = try scanString()
                try skipWhitespace()
                guard pos < count, p[pos] == 58 else {
                    throw syntax("expected ':' after a member name, found \(describe(pos))")
                }
                pos += 1
                try skipWhitespace()
                try skipValue(depth: depth + 1)
                try skipWhitespace()
                guard pos < count else { throw syntax("the file ends inside an object (expected ',' or '}')") }
                if p[pos] == 44 {
                    pos += 1
                } else if p[pos] == 125 {
                    pos += 1
                    return
                } else {
                    throw syntax("expected ',' or '}' after a member, found \(describe(pos))")
                }
            }
        case 91:
            pos += 1
            try skipWhitespace()
            if pos < count, p[pos] == 93 {
                pos += 1
                return
            }
            while true {
                try skipWhitespace()
                try skipValue(depth: depth + 1)
                try skipWhitespace()
                guard pos < count else { throw syntax("the file ends inside an array (expected ',' or ']')") }
                if p[pos] == 44 {
                    pos += 1
                } else if p[pos] == 93 {
                    pos += 1
                    return
                } else {
                    throw syntax("expected ',' or ']' after an array element, found \(describe(pos))")
                }
            }
        default:
            try scanNumber()
        }
    }

    // MARK: Tokens

    @inline(__always)
    private mutating func skipWhitespace() throws {
        while pos < count {
            let b = p[pos]
            if b == 32 || b == 9 || b == 13 {
                pos += 1
            } else if b == 10 {
                if insideLineRecord {
                    throw syntax("the line ends inside a record (JSON Lines holds one complete record per line)")
                }
                pos += 1
                line += 1
                lineStart = pos
            } else {
                return
            }
        }
    }

    /// After the opening quote: scans to the closing quote (consumed), validating escapes and control characters.
    private mutating func scanString() throws -> (start: Int, end: Int, escaped: Bool) {
        let start = pos
        var escaped = false
        while true {
            pos = ByteScan.jsonStringStop(p, from: pos, count: count)
            guard pos < count else { throw syntax("the file ends inside a string") }
            let b = p[pos]
            if b == 34 { break }
            if b == 92 {
                escaped = true
                guard pos + 1 < count else { throw syntax("the file ends inside a string") }
                switch p[pos + 1] {
                case 34, 92, 47, 98, 102, 110, 114, 116:
                    pos += 2
                case 117:
                    for k in 2..<6 {
                        guard pos + k < count, JSONText.hexValue(p[pos + k]) != nil else {
                            pos += k
                            throw syntax("expected four hex digits after \\u in a string")
                        }
                    }
                    pos += 6
                default:
                    pos += 1
                    throw syntax("invalid escape \\\(String(decoding: [p[pos]], as: UTF8.self)) in a string")
                }
                continue
            }
            if b < 0x20 {
                if b == 10 || b == 13 { throw syntax("the line ends inside a string (missing closing quote?)") }
                throw syntax("control character in a string (it must be escaped)")
            }
            pos += 1
        }
        let end = pos
        pos += 1
        return (start, end, escaped)
    }

    private mutating func scanLiteral(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        for k in 0..<n where pos + k >= count || p[pos + k] != w[k] {
            throw syntax("expected a value, found \(describe(pos))")
        }
        pos += n
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func scanNumber() throws {
        @inline(__always) func isDigit(_ i: Int) -> Bool { i < count && p[i] >= 48 && p[i] <= 57 }
        let start = pos
        if pos < count, p[pos] == 45 { pos += 1 }
        guard isDigit(pos) else {
            pos = start
            throw syntax("expected a value, found \(describe(pos))")
        }
        if p[pos] == 48 {
            pos += 1
        } else {
            while isDigit(pos) { pos += 1 }
        }
        if pos < count, p[pos] == 46 {
            pos += 1
            guard isDigit(pos) else { throw syntax("expected a digit after the decimal point") }
            while isDigit(pos) { pos += 1 }
        }
        if pos < count, p[pos] == 101 || p[pos] == 69 {
            pos += 1
            if pos < count, p[pos] == 43 || p[pos] == 45 { pos += 1 }
            guard isDigit(pos) else { throw syntax("expected a digit in the exponent") }
            while isDigit(pos) { pos += 1 }
        }
    }

    // MARK: Errors

    private func syntax(_ reason: String) -> ImportError {
        var position = 1
        var i = lineStart
        while i < pos && i < count {
            if p[i] & 0xC0 != 0x80 { position += 1 }
            i += 1
        }
        return ImportError(
            file: file, line: line, record: currentRecord, position: position, reason: "invalid JSON: " + reason)
    }

    private func describe(_ i: Int) -> String {
        guard i < count else { return "the end of the file" }
        let b = p[i]
        switch b {
        case 10, 13: return "the end of the line"
        case 39: return "\"'\""
        case 33...126: return "'\(Character(Unicode.Scalar(b)))'"
        case 32, 9: return "a space"
        default: return b < 0x80 ? "control character 0x\(String(b, radix: 16))" : "a non-ASCII character"
        }
    }
}
