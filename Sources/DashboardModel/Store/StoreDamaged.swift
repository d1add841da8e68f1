/// A store whose content cannot be what this program wrote: a value of the wrong type or out of its range, a blob of
/// the wrong size, a reference to a combination the store does not hold. Readers throw it instead of trapping;
/// commands report `store damaged: <what>` and exit 1.
public struct StoreDamaged: Error, CustomStringConvertible, Sendable, Equatable {
    /// What was found, e.g. `meta.generation holds text, expected an integer`.
    public let what: String
    public init(_ what: String) { self.what = what }
    public var description: String { "store damaged: \(what)" }
}
