/// The shape of an import file, detected from its content (the extension is only a hint for empty files).
public enum ImportFileFormat: String, Sendable, Hashable, CustomStringConvertible {
    /// Dataverse Web API pages `{"value": [...]}`, one or several concatenated (also: record objects that span lines).
    case jsonPages
    /// A bare JSON array of record objects.
    case jsonArray
    /// One record object per line; blank lines allowed.
    case jsonLines
    /// RFC 4180 CSV with a header row of logical column names.
    case csv

    public var description: String {
        switch self {
        case .jsonPages: "JSON (Web API pages)"
        case .jsonArray: "JSON array"
        case .jsonLines: "JSON Lines"
        case .csv: "CSV"
        }
    }

    /// The format suggested by a file name, used only when the content says nothing (an empty file).
    static func hint(forPath path: String) -> ImportFileFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonLines }
        if lower.hasSuffix(".json") { return .jsonPages }
        return .csv
    }
}
