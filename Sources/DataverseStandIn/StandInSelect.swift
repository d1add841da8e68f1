import Foundation

/// `$select`: the columns a request asks for. As the Web API does, a row keeps its `@odata.etag` and its primary
/// key whatever is selected, and a column the table does not have is refused (400, naming it).
final class StandInSelect {
    /// The columns kept (annotations and the key always are).
    let columns: Set<String>
    /// Whether a member name is kept, by the FNV-1a hash of its bytes (confirmed against the name itself): the
    /// rows of a table repeat the same names, so each is decided once per request, not once per row.
    private var decided: [UInt64: (name: [UInt8], keep: Bool)] = [:]

    /// Every column of the table is selected: a row is sent as it is stored (nothing to leave out).
    let keepsEveryColumn: Bool

    init(columns: Set<String>, of table: StandInTable) {
        self.columns = columns
        keepsEveryColumn = table.columns.isSubset(of: columns)
    }

    /// nil when `text` is nil (every column); `.failure(column)` for a column the table does not have.
    static func parse(_ text: String?, table: StandInTable) -> Result<StandInSelect, UnknownColumn>? {
        guard let text else { return nil }
        var columns: Set<String> = [table.keyColumn]
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard table.columns.contains(name) else { return .failure(UnknownColumn(name: name)) }
            columns.insert(name)
        }
        return .success(StandInSelect(columns: columns, of: table))
    }

    struct UnknownColumn: Error {
        let name: String
    }

    /// Appends the row (a flat JSON object, as the stand-in stores it) with only the selected columns and its
    /// annotations to `out`, in one pass over its bytes (a page of 5,000 rows is projected as it is written). A row it
    /// cannot read is appended as it is.
    func append(_ row: [UInt8], to out: inout [UInt8]) {
        let start = out.count
        let whole = row.withUnsafeBufferPointer { bytes in appendSelected(bytes, to: &out) }
        if !whole {
            out.removeSubrange(start...)
            out.append(contentsOf: row)
        }
    }

    private func appendSelected(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        func skipSpace() { while i < n, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 } }
        /// Past a string starting at `i` (a quote); false when it does not end.
        func skipString() -> Bool {
            i += 1
            while i < n {
                let b = bytes[i]
                if b == UInt8(ascii: "\\") { i += 2; continue }
                i += 1
                if b == UInt8(ascii: "\"") { return true }
            }
            return false
        }
        skipSpace()
        guard i < n, bytes[i] == UInt8(ascii: "{") else { return false }
        i += 1
        out.append(UInt8(ascii: "{"))
        var first = true
        while true {
            skipSpace()
            guard i < n else { return false }
            if bytes[i] == UInt8(ascii: "}") {
                out.append(UInt8(ascii: "}"))
                return true
            }
            if bytes[i] == UInt8(ascii: ",") { i += 1; skipSpace() }
            guard i < n, bytes[i] == UInt8(ascii: "\"") else { return false }
            let nameStart = i + 1
            guard skipString() else { return false }
            let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<(i - 1)])
            skipSpace()
            guard i < n, bytes[i] == UInt8(ascii: ":") else { return false }
            i += 1
            skipSpace()
            let valueStart = i
            var depth = 0
            while i < n {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    guard skipString() else { return false }
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
            guard valueEnd > valueStart else { return false }
            guard keeps(name) else { continue }
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(nameStart - 1)..<(nameStart + name.count + 1)]))
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]))
        }
    }

    private func keeps(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        if let known = decided[hash], known.name.elementsEqual(name) { return known.keep }
        let keep = name.first == UInt8(ascii: "@") || columns.contains(String(decoding: name, as: UTF8.self))
        decided[hash] = (Array(name), keep)
        return keep
    }
}
