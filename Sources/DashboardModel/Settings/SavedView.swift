/// One `[views.NAME]` table: its name, its keys in file order, and where each is.
public struct SavedView: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var key: ViewKey
        public var value: ViewValue
        public var line: Int?
        public var column: Int?

        public init(key: ViewKey, value: ViewValue, line: Int? = nil, column: Int? = nil) {
            self.key = key
            self.value = value
            self.line = line
            self.column = column
        }
    }

    public var name: String
    public var entries: [Entry]
    /// The line of its table header (or first key), for errors about the view as a whole.
    public var line: Int?

    public init(name: String, entries: [Entry], line: Int? = nil) {
        self.name = name
        self.entries = entries
        self.line = line
    }

    public func entry(_ key: ViewKey) -> Entry? { entries.first { $0.key == key } }

    /// A name a view can take: 1 to 40 letters, digits, `-` and `_` (a TOML bare key, so it needs no quoting and
    /// reads the same in `--view NAME`, `--cycle-views a,b` and the file).
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 40
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }
}
