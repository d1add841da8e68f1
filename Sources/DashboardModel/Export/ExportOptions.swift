/// How `export` writes rows.
public struct ExportOptions: Sendable {
    public enum Format: String, CaseIterable, Sendable { case csv, jsonl }

    public var format: Format
    public var columns: [ExportColumn]
    /// Show phone numbers as stored; otherwise `•••••••1234` (the last four characters).
    public var showAddresses: Bool
    /// CSV only: leave cells that begin with `=`, `+`, `-`, `@`, tab or carriage return as they are (otherwise they get
    /// a leading `'`, so a spreadsheet does not run them as a formula).
    public var raw: Bool
    /// Applied to every value when the output is a terminal: no control or escape character reaches it.
    public var clean: (@Sendable (String) -> String)?

    public init(format: Format = .csv, columns: [ExportColumn] = ExportColumn.allCases, showAddresses: Bool = false,
                raw: Bool = false, clean: (@Sendable (String) -> String)? = nil) {
        self.format = format
        self.columns = columns
        self.showAddresses = showAddresses
        self.raw = raw
        self.clean = clean
    }
}

/// Cell rules shared by every CSV the program writes.
public enum CSVCell {
    /// `•••••••` and the last four characters (all bullets when there are four or fewer); empty stays empty. The one
    /// masking of phone numbers: export, and the dashboard's list (which passes `*` in ASCII mode: `*******1234`).
    public static func masked(_ address: String, bullet: Character = "•") -> String {
        if address.isEmpty { return "" }
        let bullets = String(repeating: bullet, count: 7)
        return address.count > 4 ? bullets + String(address.suffix(4)) : bullets
    }

    /// A leading `'` on a cell a spreadsheet would read as a formula (OWASP's CSV injection rule).
    public static func formulaSafe(_ value: String) -> String {
        guard let first = value.utf8.first else { return value }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13: return "'" + value
        default: return value
        }
    }

    /// RFC 4180: quoted (inner quotes doubled) when it holds a comma, quote, CR or LF.
    public static func append(_ value: String, to out: inout [UInt8]) {
        var needsQuotes = false
        for b in value.utf8 where b == 44 || b == 34 || b == 10 || b == 13 {
            needsQuotes = true
            break
        }
        if !needsQuotes {
            out.append(contentsOf: value.utf8)
            return
        }
        out.append(34)
        for b in value.utf8 {
            if b == 34 { out.append(34) }
            out.append(b)
        }
        out.append(34)
    }

    /// A line of cells, CRLF-terminated (RFC 4180).
    public static func appendRow(_ cells: [String], to out: inout [UInt8]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { out.append(44) }
            append(cell, to: &out)
        }
        out.append(13)
        out.append(10)
    }
}
