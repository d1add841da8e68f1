/// A `$deletedEntity` entry of a Dataverse change-tracking page: `{"@odata.context":
/// "https://ORG/api/data/v9.2/$metadata#msdyn_proactive_deliveries/$deletedEntity", "id": "<primary key>",
/// "reason": "deleted"}`. The id is the row's primary key: for deliveries `msdyn_proactive_deliveryid` (the row id,
/// not `msdyn_delivery_id`).
///
/// Recognised in any JSON import (a record whose `@odata.context` ends with `$deletedEntity`, or a record with no key
/// column but an `id` and `"reason": "deleted"`), so an import file holding such entries applies the deletions too.
public struct DeletedRecord: Sendable, Hashable {
    /// The table, when the entry's context names an entity set this program reads.
    public var table: SyncTable?
    /// The entity set named by the context (`msdyn_proactive_deliveries`), nil when the entry had no context.
    public var entitySet: String?
    /// The primary key, normalised as ids are (`GUIDText`).
    public var id: String

    public init(table: SyncTable?, entitySet: String?, id: String) {
        self.table = table
        self.entitySet = entitySet
        self.id = id
    }

    /// The entity set of a `$deletedEntity` context: the text after `#` (or after the last `/` before
    /// `/$deletedEntity` when there is no `#`), without a trailing `(...)` selection.
    static func entitySet(ofContext context: String) -> String? {
        let suffix = "/$deletedEntity"
        guard context.hasSuffix(suffix) else { return nil }
        var body = Substring(context.dropLast(suffix.count))
        if let hash = body.lastIndex(of: "#") { body = body[body.index(after: hash)...] }
        else if let slash = body.lastIndex(of: "/") { body = body[body.index(after: slash)...] }
        if let paren = body.firstIndex(of: "(") { body = body[..<paren] }
        return body.isEmpty ? nil : String(body)
    }
}
