/// What kind of JSON value (or CSV field) a column held in the current record.
enum RawKind: UInt8 {
    case absent, null, string, number, boolTrue, boolFalse, object, array

    /// How an error message names a value of this kind.
    var found: String {
        switch self {
        case .absent: "nothing"
        case .null: "null"
        case .string: "text"
        case .number: "a number"
        case .boolTrue, .boolFalse: "a boolean"
        case .object: "an object"
        case .array: "an array"
        }
    }
}

/// How the bytes of a text value are encoded in the file.
enum TextStyle: UInt8 {
    /// The bytes are the text (a JSON string without escapes, a CSV field).
    case plain
    /// A JSON string holding backslash escapes.
    case jsonEscaped
    /// A quoted CSV field holding doubled quotes.
    case csvDoubledQuotes
}

/// One column's value in the current record: a byte range of the file, not yet decoded.
struct RawField {
    var generation: UInt32 = 0
    var kind: RawKind = .absent
    var style: TextStyle = .plain
    /// Unquoted CSV fields: leading and trailing spaces and tabs are not part of the value.
    var trims = false
    var start = 0
    var end = 0
}

/// The used columns of the record being read, filled by a scanner (CSV or JSON) and read by `RecordBuilder`.
/// Slots are invalidated in O(1) per record by a generation counter. Strings are built only when asked for.
final class RecordFields {
    let base: UnsafePointer<UInt8>
    private let slots: UnsafeMutablePointer<RawField>
    private let slotCount = 2 * ImportColumn.count
    /// The current record's stamp. Behind a pointer rather than in a `var` so that the hot path pays no
    /// dynamic exclusivity checks (the same goes for the other mutable state here).
    private let generationBox: UnsafeMutablePointer<UInt32>
    @inline(__always) private var generation: UInt32 { generationBox.pointee }

    /// Decoded, canonical values of the columns whose values repeat (labels, configuration and queue ids), by bytes.
    private let interned: [ByteKeyCache<String?>?]
    static let repeatingColumns: [ImportColumn] = [.status, .result, .dialMode, .configRef, .queueRef, .channel, .engagementType]

    init(base: UnsafePointer<UInt8>) {
        self.base = base
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: RawField(), count: slotCount)
        generationBox = .allocate(capacity: 1)
        generationBox.initialize(to: 1)
        interned = ImportColumn.allCases.map {
            Self.repeatingColumns.contains($0) ? ByteKeyCache<String?>(buckets: 512) : nil
        }
    }

    deinit {
        slots.deinitialize(count: slotCount)
        slots.deallocate()
        generationBox.deallocate()
    }

    /// Forgets every value: the next record starts empty.
    @inline(__always) func beginRecord() {
        generationBox.pointee &+= 1
        if generationBox.pointee == 0 {
            for i in 0..<slotCount { slots[i].generation = 0 }
            generationBox.pointee = 1
        }
    }

    @inline(__always) func set(_ slot: Int, _ kind: RawKind, style: TextStyle = .plain, trims: Bool = false, start: Int, end: Int) {
        slots[slot] = RawField(generation: generation, kind: kind, style: style, trims: trims, start: start, end: end)
    }

    /// The raw value of a column (or of its formatted-value annotation), `.absent` when the record lacks it.
    @inline(__always) func raw(_ column: ImportColumn, formatted: Bool = false) -> RawField {
        var field = slots[column.rawValue + (formatted ? ImportColumn.count : 0)]
        if field.generation != generation { return RawField() }
        if field.trims {
            while field.start < field.end, base[field.start] == 32 || base[field.start] == 9 { field.start += 1 }
            while field.end > field.start, base[field.end - 1] == 32 || base[field.end - 1] == 9 { field.end -= 1 }
        }
        return field
    }

    /// Present in the record at all, even as null or empty.
    func isPresent(_ column: ImportColumn) -> Bool { raw(column).kind != .absent }

    /// Present with a value: non-empty text, a number or a boolean.
    func hasValue(_ column: ImportColumn) -> Bool {
        let field = raw(column)
        switch field.kind {
        case .string: return field.end > field.start
        case .number, .boolTrue, .boolFalse: return true
        default: return false
        }
    }

    // MARK: Typed reads. Empty text and null read as nil (absent); a value of the wrong kind is a problem.

    /// A text column. Numbers are refused: every text column the importer reads is an id, a label or free text.
    func text(_ column: ImportColumn) throws -> String? {
        let field = raw(column)
        switch field.kind {
        case .absent, .null: return nil
        case .string: return field.end > field.start ? try value(field, column) : nil
        default: throw typeProblem(column, field, expected: "text")
        }
    }

    /// An id column as `GUIDText.normalize(text(column))` would give it, but as the file's own bytes when they are
    /// already that (plain text, no braces, no upper-case hex digits): no String is made for them.
    func idText(_ column: ImportColumn) throws -> IdText? {
        let field = raw(column)
        // Bounded so that a batch of staged ids stays far below the 2 GiB its Int32 offsets can address.
        if field.end - field.start > Self.maxIdBytes {
            throw RecordProblem(column: column.name, reason: "the id is \(field.end - field.start) bytes long (at most \(Self.maxIdBytes))")
        }
        if field.kind == .string, field.style == .plain, field.end > field.start,
           ByteScan.nulOrNonASCII(base, from: field.start, to: field.end) == field.end {
            let bytes = UnsafeBufferPointer(start: base + field.start, count: field.end - field.start)
            if !GUIDText.needsNormalizing(bytes) { return .bytes(bytes) }
        }
        return try text(column).map { .string(GUIDText.normalize($0)) }
    }

    /// A list column's text (addresses, disposition codes, contact id): the file's bytes when they need no decoding
    /// (plain ASCII without NUL), else the decoded String; nil for null or empty. At most `maxDetailBytes`.
    func detailText(_ column: ImportColumn) throws -> IdText? {
        let field = raw(column)
        if field.end - field.start > Self.maxDetailBytes {
            throw RecordProblem(column: column.name, reason: "the value is \(field.end - field.start) bytes long (at most \(Self.maxDetailBytes))")
        }
        if field.kind == .string, field.style == .plain, field.end > field.start,
           ByteScan.nulOrNonASCII(base, from: field.start, to: field.end) == field.end {
            return .bytes(UnsafeBufferPointer(start: base + field.start, count: field.end - field.start))
        }
        return try text(column).map { .string($0) }
    }

    /// A whole-number column given as a JSON number or as text (`msdyn_seq_no`); nil for null or empty.
    func integer(_ column: ImportColumn) throws -> Int64? {
        let field = raw(column)
        switch field.kind {
        case .absent, .null: return nil
        case .number, .string:
            if field.kind == .string, field.end == field.start { return nil }
            if field.style == .plain, let n = Self.plainInteger(base, field.start, field.end) { return n }
            let text = try value(field, column)
            guard let n = Int64(text.trimmingCharacters(in: .whitespaces)) else {
                throw RecordProblem(column: column.name, reason: "cannot read whole number \(TextSafety.quoted(TextSafety.bounded(text))) (expected digits)")
            }
            return n
        default: throw typeProblem(column, field, expected: "a whole number")
        }
    }

    /// The value of plain ASCII bytes that `Int64(text.trimmingCharacters(in: .whitespaces))` reads: optional
    /// spaces and tabs around an optional sign and at most 18 digits (no overflow possible), 64 bytes in all. Nil for anything else,
    /// which the caller then reads the slow way (and words its problem).
    @inline(__always) static func plainInteger(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int64? {
        guard end - start <= 64 else { return nil }
        var i = start, stop = end
        while i < stop, base[i] == 32 || base[i] == 9 { i += 1 }
        while stop > i, base[stop - 1] == 32 || base[stop - 1] == 9 { stop -= 1 }
        var negative = false
        if i < stop, base[i] == 45 || base[i] == 43 { negative = base[i] == 45; i += 1 }
        let digits = stop - i
        guard digits > 0, digits <= 18 else { return nil }
        var n: Int64 = 0
        while i < stop {
            let d = base[i] &- 48
            guard d < 10 else { return nil }
            n = n &* 10 &+ Int64(d)
            i += 1
        }
        return negative ? -n : n
    }

    /// The formatted-value annotation beside a choice column, if the export carried one as text.
    func formattedLabel(_ column: ImportColumn) throws -> String? {
        let field = raw(column, formatted: true)
        guard field.kind == .string, field.end > field.start else { return nil }
        return try value(field, column)
    }

    /// A timestamp column, as epoch seconds.
    func timestamp(_ column: ImportColumn) throws -> Int64? {
        let field = raw(column)
        switch field.kind {
        case .absent, .null: return nil
        case .string:
            if field.end == field.start { return nil }
            let parsed: Int64?
            if field.style == .plain {
                parsed = TimestampParser.parse(base + field.start, field.end - field.start)
            } else {
                parsed = TimestampParser.parse(string(field))
            }
            if let parsed {
                guard TimestampRange.seconds.contains(parsed) else {
                    throw RecordProblem(
                        column: column.name,
                        reason: "timestamp \(TextSafety.quoted(string(field))) is outside the accepted range \(TimestampRange.text)")
                }
                return parsed
            }
            throw RecordProblem(
                column: column.name,
                reason: "cannot read timestamp \(TextSafety.quoted(string(field))) (\(TimestampParser.expectation))")
        default: throw typeProblem(column, field, expected: "a timestamp as text")
        }
    }

    /// A choice column: its number (a JSON integer, or text holding only digits) or its label.
    func choice(_ column: ImportColumn) throws -> ChoiceValue? {
        let field = raw(column)
        switch field.kind {
        case .absent, .null: return nil
        case .number:
            let text = string(field)
            if let n = Int(text) { return .number(n) }
            return .label(text)
        case .string:
            if field.end == field.start { return nil }
            let text = try value(field, column)
            if let n = Int(text) { return .number(n) }
            return .label(text)
        default: throw typeProblem(column, field, expected: "a choice number or label")
        }
    }

    /// A yes/no column: JSON true/false, 1/0, or text `true`/`false`/`1`/`0`/`yes`/`no`.
    func boolean(_ column: ImportColumn) throws -> Bool? {
        let field = raw(column)
        switch field.kind {
        case .absent, .null: return nil
        case .boolTrue: return true
        case .boolFalse: return false
        case .number, .string:
            if field.kind == .string, field.end == field.start { return nil }
            let text = try value(field, column)
            switch text.lowercased() {
            case "true", "1", "yes", "y": return true
            case "false", "0", "no", "n": return false
            default:
                throw RecordProblem(
                    column: column.name, reason: "cannot read yes/no value \(TextSafety.quoted(text)) (expected true/false or 1/0)")
            }
        default: throw typeProblem(column, field, expected: "true or false")
        }
    }

    // MARK: Repeating values

    /// `text(column).map(canonical)`, without decoding again a value seen before (`column` must be one of
    /// `repeatingColumns`).
    @inline(__always)
    func repeatedText(_ column: ImportColumn, _ canonical: (String) -> String) throws -> String? {
        let field = raw(column)
        guard field.kind == .string, field.style == .plain, field.end > field.start, let cache = interned[column.rawValue]
        else {
            return try text(column).map(canonical)
        }
        if let hit = cache.value(base + field.start, field.end - field.start) { return hit }
        let value = canonical(try value(field, column))
        cache.store(value, base + field.start, field.end - field.start)
        return value
    }

    /// `choice(column).flatMap(canonical)`, without decoding again a value seen before.
    @inline(__always)
    func repeatedChoice(_ column: ImportColumn, _ canonical: (ChoiceValue) -> String?) throws -> String? {
        let field = raw(column)
        guard field.kind == .string, field.style == .plain, field.end > field.start, let cache = interned[column.rawValue]
        else {
            return try choice(column).flatMap(canonical)
        }
        if let hit = cache.value(base + field.start, field.end - field.start) { return hit }
        let text = try value(field, column)
        let value = canonical(Int(text).map(ChoiceValue.number) ?? .label(text))
        cache.store(value, base + field.start, field.end - field.start)
        return value
    }

    // MARK: Decoding

    private func typeProblem(_ column: ImportColumn, _ field: RawField, expected: String) -> RecordProblem {
        var found = field.kind.found
        if field.kind == .number { found += " (\(TextSafety.bounded(string(field))))" }
        return RecordProblem(column: column.name, reason: "expected \(expected), found \(found)")
    }

    /// The longest id (delivery, conversation) and the longest other text value accepted, in bytes as the file
    /// holds them. A GUID is 36 bytes; names and labels are short.
    static let maxIdBytes = 1024, maxValueBytes = 65_536
    /// The longest list-column text kept (an address, the disposition codes): a staged batch stays bounded.
    static let maxDetailBytes = 4096

    /// The text of a value, refused (`RecordProblem` naming the column) when it holds a NUL byte, bytes that are not
    /// UTF-8, or a `\u` escape of half a surrogate pair: replacing them would let two different ids read as one.
    func value(_ field: RawField, _ column: ImportColumn) throws -> String {
        if field.end - field.start > Self.maxValueBytes {
            throw RecordProblem(column: column.name, reason: "the value is \(field.end - field.start) bytes long (at most \(Self.maxValueBytes))")
        }
        switch field.style {
        case .plain:
            let stop = ByteScan.nulOrNonASCII(base, from: field.start, to: field.end)
            if stop == field.end { return string(field) }  // ASCII without NUL: valid as it is
            return try validated(UnsafeBufferPointer(start: base + field.start, count: field.end - field.start), column)
        case .jsonEscaped:
            var lone = false
            let bytes = JSONText.unescape(base, field.start, field.end, loneSurrogate: &lone)
            if lone {
                throw RecordProblem(column: column.name, reason: "the value holds a \\u escape of half a surrogate pair")
            }
            return try bytes.withUnsafeBufferPointer { try validated($0, column) }
        case .csvDoubledQuotes:
            return try csvBytes(field).withUnsafeBufferPointer { try validated($0, column) }
        }
    }

    private func validated(_ bytes: UnsafeBufferPointer<UInt8>, _ column: ImportColumn) throws -> String {
        guard let base = bytes.baseAddress else { return "" }
        let stop = ByteScan.nulOrNonASCII(base, from: 0, to: bytes.count)
        if stop < bytes.count, let nul = bytes[stop...].firstIndex(of: 0) {
            throw RecordProblem(column: column.name, reason: "the value holds a NUL byte (at byte \(nul + 1) of the value)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw RecordProblem(column: column.name, reason: "the value is not valid UTF-8 (from byte \(stop + 1) of the value)")
        }
        return text
    }

    private func csvBytes(_ field: RawField) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(field.end - field.start)
        var i = field.start
        while i < field.end {
            let b = base[i]
            bytes.append(b)
            i += (b == 34 && i + 1 < field.end && base[i + 1] == 34) ? 2 : 1
        }
        return bytes
    }

    /// The text of a value as is, invalid bytes replaced (for messages, which quote what the file held).
    func string(_ field: RawField) -> String {
        switch field.style {
        case .plain:
            return String(decoding: UnsafeBufferPointer(start: base + field.start, count: field.end - field.start), as: UTF8.self)
        case .jsonEscaped:
            return String(decoding: JSONText.unescape(base, field.start, field.end), as: UTF8.self)
        case .csvDoubledQuotes:
            return String(decoding: csvBytes(field), as: UTF8.self)
        }
    }
}

/// An id's text: bytes of the file, or a String when it had to be decoded or normalised.
enum IdText {
    case bytes(UnsafeBufferPointer<UInt8>)
    case string(String)

    /// The id as a String (normalised, as `GUIDText.normalize` gives it).
    var string: String {
        switch self {
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .string(let text): text
        }
    }

    func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        switch self {
        case .bytes(let bytes): return try body(bytes)
        case .string(var text): return try text.withUTF8(body)
        }
    }
}

/// A choice column's value as the file gave it.
enum ChoiceValue: Equatable {
    case number(Int)
    case label(String)
}
