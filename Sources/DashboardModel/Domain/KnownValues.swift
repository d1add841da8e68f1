/// Matching of user- or file-supplied labels against a closed list, ignoring case, spaces and underscores.
public enum KnownValues {
    public static func normalize(_ text: String) -> String {
        String(text.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" })
    }

    public static func match<T>(_ raw: String, in values: [T], label: (T) -> String) -> T? {
        if let exact = values.first(where: { label($0) == raw }) { return exact }
        let key = normalize(raw)
        return values.first { normalize(label($0)) == key }
    }
}
