/// Reads RFC 4180 CSV: a header row of logical column names, then one record per row. Quoted fields may hold
/// commas, doubled quotes and line breaks; rows end with LF, CRLF or CR; a UTF-8 BOM is skipped; blank lines are
/// skipped; an empty field is an absent value. Works on bytes: Strings are built only for the columns used.
struct CSVRecordScanner {
    let file: String
    let p: UnsafePointer<UInt8>
    let count: Int
    private var pos = 0
    private var line = 1

    init(file: String, bytes: FileBytes) {
        self.file = file
        p = bytes.base
        count = bytes.count
    }

    private enum Terminator { case comma, lineEnd, endOfFile }

    private struct Field {
        var start: Int
        var end: Int
        var quoted: Bool
        var doubledQuotes: Bool
        var terminator: Terminator
    }

    /// Deliveries are staged here (from the file's bytes) instead of handed to `body` as records.
    var stager: DeliveryStager?

    /// Calls `body` per record; with a `stager`, a delivery is staged and `body` gets nil for it.
    mutating func scan(_ body: (ImportRecord?, RecordLocation) throws -> Void) throws {
        if count >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { pos = 3 }
        skipBlankLines()
        if pos >= count { return }  // an empty file holds no records

        // Header.
        let names = ColumnNameTable(ignoreCase: true)
        var slots: [Int] = []
        var used = Set<Int>()
        while true {
            let field = try nextField(recordLine: line, record: nil)
            var start = field.start
            var end = field.end
            while start < end, p[start] == 32 || p[start] == 9 { start += 1 }
            while end > start, p[end - 1] == 32 || p[end - 1] == 9 { end -= 1 }
            let slot = names.slot(p + start, end - start)
            slots.append(slot >= 0 && used.insert(slot).inserted ? slot : -1)  // first of duplicate names wins
            if field.terminator != .comma { break }
        }
        let keyColumns = RecordBuilder.keys.map { $0.0.rawValue }
        if !slots.contains(where: keyColumns.contains) {
            throw ImportError(file: file, line: 1, reason: RecordBuilder.noKeyReason + " in the header row")
        }

        // Records.
        let fields = RecordFields(base: p)
        var record = 0
        try slots.withUnsafeBufferPointer { slotOf in
            let columnCount = slotOf.count
            while true {
                skipBlankLines()
                if pos >= count { break }
                record += 1
                let recordLine = line
                fields.beginRecord()
                var index = 0
                while true {
                    let field = try nextField(recordLine: recordLine, record: record)
                    if index < columnCount {
                        let slot = slotOf[index]
                        if slot >= 0 {
                            fields.set(
                                slot, .string, style: field.doubledQuotes ? .csvDoubledQuotes : .plain,
                                trims: !field.quoted, start: field.start, end: field.end)
                        }
                    }
                    index += 1
                    if field.terminator != .comma { break }
                }
                // Too few fields is refused as too many is: a row cut short (a download that stopped) or a dropped
                // comma would otherwise store values in the wrong columns, or cut.
                if index != columnCount {
                    throw ImportError(
                        file: file, line: recordLine, record: record,
                        reason: "the row has \(index) field\(index == 1 ? "" : "s") but the header names \(columnCount) columns")
                }
                let built: ImportRecord?
                do {
                    built = try RecordBuilder.build(fields, staging: stager)
                } catch let problem as RecordProblem {
                    throw ImportError(
                        file: file, line: recordLine, record: record, column: problem.column, reason: problem.reason)
                }
                try body(built, RecordLocation(file: file, line: recordLine, record: record))
                if record & 4095 == 0 { stager?.noteRead(pos, of: count) }
            }
        }
    }

    private mutating func skipBlankLines() {
        while pos < count {
            let b = p[pos]
            if b == 10 {
                pos += 1
            } else if b == 13 {
                pos += 1
                if pos < count, p[pos] == 10 { pos += 1 }
            } else {
                return
            }
            line += 1
        }
    }

    /// Reads one field and the separator after it (consumed; a line end advances `line`).
    @inline(__always)
    private mutating func nextField(recordLine: Int, record: Int?) throws -> Field {
        var field = Field(start: pos, end: pos, quoted: false, doubledQuotes: false, terminator: .endOfFile)
        if pos < count, p[pos] == 34 {
            field.quoted = true
            let openLine = line
            pos += 1
            field.start = pos
            while true {
                pos = ByteScan.quoteOrLineFeed(p, from: pos, count: count)
                if pos >= count {
                    throw ImportError(
                        file: file, line: recordLine, record: record,
                        reason: "a quoted field opened on line \(openLine) is never closed")
                }
                if p[pos] == 34 {
                    if pos + 1 < count, p[pos + 1] == 34 {
                        field.doubledQuotes = true
                        pos += 2
                        continue
                    }
                    break
                }
                line += 1  // a line feed inside the field
                pos += 1
            }
            field.end = pos
            pos += 1  // closing quote
            if pos < count, p[pos] != 44, p[pos] != 10, p[pos] != 13 {
                throw ImportError(
                    file: file, line: line, record: record,
                    reason: "unexpected text after the closing quote of a field (a quote inside a quoted field must be doubled)")
            }
        } else {
            pos = ByteScan.csvFieldEnd(p, from: pos, count: count)
            field.end = pos
        }
        if pos >= count { return field }
        switch p[pos] {
        case 44:
            field.terminator = .comma
            pos += 1
        case 13:
            field.terminator = .lineEnd
            pos += 1
            if pos < count, p[pos] == 10 { pos += 1 }
            line += 1
        default:
            field.terminator = .lineEnd
            pos += 1
            line += 1
        }
        return field
    }
}
