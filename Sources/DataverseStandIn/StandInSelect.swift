import Foundation

/// `$select`: the columns a request asks for. As the Web API does, a row keeps its `@odata.etag` and its primary
/// key whatever is selected, and a column the table does not have is refused (400, naming it).
final class StandInSelect {
    /// The columns kept (annotations and the key always are).
    let columns: Set<String>
    /// Whether a member name is kept, by the FNV-1a hash of its bytes (confirmed against the name itself): the
    /// rows of a table repeat the same names, so each is decided once per request, not once per row.
    private var decided: [UInt64: (name: [UInt8], keep: Bool)] = [:]

    init(columns: Set<String>) { self.columns = columns }

    /// nil when `text` is nil (every column); `.failure(column)` for a column the table does not have.
    static func parse(_ text: String?, table: StandInTable) -> Result<StandInSelect, UnknownColumn>? {
        guard let text else { return nil }
        var columns: Set<String> = [table.keyColumn]
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard table.columns.contains(name) else { return .failure(UnknownColumn(name: name)) }
            columns.insert(name)
        }
        return .success(StandInSelect(columns: columns))
    }

    struct UnknownColumn: Error {
        let name: String
    }

    /// The row (a flat JSON object, as the stand-in stores it) with only the selected columns and its annotations.
    /// A row it cannot read is returned as it is.
    func project(_ row: [UInt8]) -> [UInt8] {
        guard let fields = Self.fields(row) else { return row }
        var out: [UInt8] = [UInt8(ascii: "{")]
        out.reserveCapacity(row.count)
        for field in fields {
            let name = row[field.name]
            guard keeps(name) else { continue }
            if out.count > 1 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: name)
            out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
            out.append(contentsOf: row[field.value])
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    private func keeps(_ name: ArraySlice<UInt8>) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        if let known = decided[hash], known.name.elementsEqual(name) { return known.keep }
        let keep = name.first == UInt8(ascii: "@") || columns.contains(String(decoding: name, as: UTF8.self))
        decided[hash] = (Array(name), keep)
        return keep
    }

    /// The members of a JSON object: each name's bytes (inside its quotes) and its value's bytes; nil when `bytes`
    /// is not an object this scanner reads (names with escapes are not expected in the stand-in's own rows).
    static func fields(_ bytes: [UInt8]) -> [(name: Range<Int>, value: Range<Int>)]? {
        var i = 0
        let n = bytes.count
        func skipSpace() { while i < n, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 } }
        /// Past a string starting at `i` (a quote); false when it does not end.
        func skipString() -> Bool {
            i += 1
            while i < n {
                if bytes[i] == UInt8(ascii: "\\") { i += 2; continue }
                if bytes[i] == UInt8(ascii: "\"") { i += 1; return true }
                i += 1
            }
            return false
        }
        skipSpace()
        guard i < n, bytes[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        var out: [(name: Range<Int>, value: Range<Int>)] = []
        while true {
            skipSpace()
            guard i < n else { return nil }
            if bytes[i] == UInt8(ascii: "}") { return out }
            if bytes[i] == UInt8(ascii: ",") { i += 1; skipSpace() }
            guard i < n, bytes[i] == UInt8(ascii: "\"") else { return nil }
            let nameStart = i + 1
            guard skipString() else { return nil }
            let name = nameStart..<(i - 1)
            skipSpace()
            guard i < n, bytes[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            skipSpace()
            let valueStart = i
            var depth = 0
            while i < n {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    guard skipString() else { return nil }
                    if depth == 0 { break }
                    continue
                }
                if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") { depth += 1 }
                if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                    if depth == 0 { break }
                    depth -= 1
                    if depth == 0 { i += 1; break }
                }
                if depth == 0 && b == UInt8(ascii: ",") { break }
                i += 1
            }
            var valueEnd = i
            while valueEnd > valueStart, bytes[valueEnd - 1] == 0x20 { valueEnd -= 1 }
            guard valueEnd > valueStart else { return nil }
            out.append((name, valueStart..<valueEnd))
        }
    }
}
