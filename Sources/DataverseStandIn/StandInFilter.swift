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
        let trimmed = filter.trimmingCharacters(in: .whitespaces)
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
        guard text.hasSuffix(")") else { return nil }
        let inside = String(text.dropFirst("Microsoft.Dynamics.CRM.In(".count).dropLast())
        var arguments: [String: String] = [:]
        for part in topLevelParts(inside) {
            guard let equals = part.firstIndex(of: "=") else { return nil }
            var value = String(part[part.index(after: equals)...])
            if value.hasPrefix("@") { value = aliases(value) ?? "" }
            arguments[String(part[..<equals])] = value
        }
        guard let name = arguments["PropertyName"], strings(name) == [table.keyColumn],
              let values = arguments["PropertyValues"], values.hasPrefix("["), values.hasSuffix("]") else { return nil }
        var wanted = Set<Int>()
        for id in strings(String(values.dropFirst().dropLast())) {
            if let p = table.position(of: id) { wanted.insert(p) }
        }
        return .positions(wanted.sorted())
    }

    /// `a=1,b=['x','y']` split at the commas outside quotes and brackets.
    static func topLevelParts(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        var depth = 0
        for c in text {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "[" {
                depth += 1
            } else if c == "]" {
                depth -= 1
            } else if c == "," && depth == 0 {
                parts.append(current)
                current = ""
                continue
            }
            current.append(c)
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    /// The quoted strings of an OData list (`'a','b'` or `"a","b"`; a doubled quote is a quote).
    static func strings(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quote: Character?
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if let q = quote {
                if c == q {
                    if let next = iterator.next() {
                        if next == q { current.append(q); continue }
                        pending = next
                    }
                    out.append(current)
                    current = ""
                    quote = nil
                } else {
                    current.append(c)
                }
            } else if c == "'" || c == "\"" {
                quote = c
            }
        }
        return out
    }
}
