/// A directory was given where the store's file was to be opened or created. The model names the path only; each
/// surface says what to give instead (the command line: `ErrorText`, with its `--db` flag).
public struct StoreIsDirectory: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String

    public init(path: String) { self.path = path }

    /// The store file this directory would hold by the default name.
    public var suggestedFile: String { path.hasSuffix("/") ? path + "store.sqlite" : path + "/store.sqlite" }

    public var description: String { "\(path) is a directory, not a store's file" }
}
