import Foundation

/// The `$filter`s the stand-in answers, as the Web API reads them:
/// - `modifiedon ge|gt TIMESTAMP` (the polling of a table without change tracking);
/// - `KEY eq ID [or KEY eq ID ...]` (rows by id);
/// - `Microsoft.Dynamics.CRM.In(PropertyName=@p1,PropertyValues=@p2)` with `@p1='KEY'&@p2=['ID','ID',...]`, or the
///   same values inline (the In query function: rows by id in fewer URL bytes).
/// Rows by id are found through the table's index (never a scan of the table).
enum StandInFilter {
    enum Selection {
        /// The positions of the rows named, in position order.
        case positions([Int])
        case predicate((Int) -> Bool)
    }

    /// nil: a filter the stand-in does not read (answered 400).
    static func selection(_ filter: String, table: StandInTable, aliases: (String) -> String?) -> Selection? {
        // Trimmed only when it has to be: an `In` list of 600 ids is about 27 KB.
        let trimmed = filter.first?.isWhitespace == true || filter.last?.isWhitespace == true
            ? filter.trimmingCharacters(in: .whitespaces) : filter
        if trimmed.hasPrefix("Microsoft.Dynamics.CRM.In(") { return inFunction(trimmed, table: table, aliases: aliases) }
        let words = trimmed.split(separator: " ")
        if words.count == 3, words[0] == "modifiedon", words[1] == "ge" || words[1] == "gt" {
            guard let date = ISO8601DateFormatter().date(from: String(words[2])) else { return nil }
            let since = date.timeIntervalSince1970
            let strict = words[1] == "gt"
            return .predicate { p in strict ? table.modifiedOn[p] > since : table.modifiedOn[p] >= since }
        }
        var wanted = Set<Int>()
        for clause in trimmed.components(separatedBy: " or ") {
            let terms = clause.trimmingCharacters(in: CharacterSet(charactersIn: " ()")).split(separator: " ")
            guard terms.count == 3, terms[0] == table.keyColumn, terms[1] == "eq" else { return nil }
            let id = terms[2].trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            if let p = table.position(of: id) { wanted.insert(p) }
        }
        return .positions(wanted.sorted())
    }

    private static func inFunction(_ text: String, table: StandInTable, aliases: (String) -> String?) -> Selection? {
        let bytes = text.utf8
        guard bytes.last == UInt8(ascii: ")") else { return nil }
        let inside = String(decoding: bytes.dropFirst("Microsoft.Dynamics.CRM.In(".utf8.count).dropLast(), as: UTF8.self)
        var arguments: [String: String] = [:]
        for part in topLevelParts(inside) {
            guard let equals = part.utf8.firstIndex(of: UInt8(ascii: "=")) else { return nil }
            var value = String(part[part.utf8.index(after: equals)...])
            if value.hasPrefix("@") { value = aliases(value) ?? "" }
            arguments[String(part[..<equals])] = value
        }
        guard let name = arguments["PropertyName"], strings(name) == [table.keyColumn],
              let values = arguments["PropertyValues"], values.utf8.first == UInt8(ascii: "["), values.utf8.last == UInt8(ascii: "]") else { return nil }
        var wanted = Set<Int>()
        forEachString(values) { id in
            if let p = table.position(ofBytes: id) { wanted.insert(p) }
        }
        return .positions(wanted.sorted())
    }

    /// The quoted strings of an OData list as `strings` reads them, each handed over as its bytes (a string with a
    /// doubled quote, as a copy with the quote once).
    static func forEachString(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let quote = bytes[i]
                i += 1
                guard quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") else { continue }
                let start = i
                var doubled = false
                while i < n {
                    if bytes[i] == quote {
                        if i + 1 < n, bytes[i + 1] == quote { doubled = true; i += 2; continue }
                        break
                    }
                    i += 1
                }
                guard i < n else { return }  // an unterminated string: left out, as `strings` leaves it
                let run = UnsafeBufferPointer(rebasing: bytes[start..<i])
                if doubled {
                    var once: [UInt8] = []
                    var k = 0
                    while k < run.count {
                        once.append(run[k])
                        k += run[k] == quote && k + 1 < run.count && run[k + 1] == quote ? 2 : 1
                    }
                    once.withUnsafeBufferPointer(body)
                } else {
                    body(run)
                }
                i += 1
            }
        }
    }

    /// `a=1,b=['x','y']` split at the commas outside quotes and brackets (read as UTF-8 bytes: every character
    /// that matters here is ASCII, so a byte never splits a character; an `In` list of 600 ids is about 27 KB).
    static func topLevelParts(_ text: String) -> [String] {
        var parts: [String] = []
        let bytes = Array(text.utf8)
        var start = 0
        var quote: UInt8?
        var depth = 0
        for (i, b) in bytes.enumerated() {
            if let q = quote {
                if b == q { quote = nil }
            } else if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") {
                quote = b
            } else if b == UInt8(ascii: "[") {
                depth += 1
            } else if b == UInt8(ascii: "]") {
                depth -= 1
            } else if b == UInt8(ascii: ","), depth == 0 {
                parts.append(String(decoding: bytes[start..<i], as: UTF8.self))
                start = i + 1
            }
        }
        if start < bytes.count { parts.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return parts
    }

    /// The quoted strings of an OData list (`'a','b'` or `"a","b"`; a doubled quote is a quote), read as bytes.
    static func strings(_ text: String) -> [String] {
        var out: [String] = []
        let bytes = Array(text.utf8)
        var current: [UInt8] = []
        var quote: UInt8?
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if let q = quote {
                if b == q {
                    if i < bytes.count, bytes[i] == q {
                        current.append(q)
                        i += 1
                        continue
                    }
                    out.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                    quote = nil
                } else {
                    current.append(b)
                }
            } else if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") {
                quote = b
            }
        }
        return out
    }
}
