/// Row ids (`msdyn_proactive_deliveryid`) as the store keeps them beside the delivery ids: in `deliveries.row_id`
/// (16 bytes for a GUID, else text; NULL when the row id is the delivery id or unknown) and as (StableHash of the row
/// id, delivery key) pairs in `delivery_row_buckets`, bucketed as the conversation links are (`ConversationLinks`).
enum RowIdText {
    static let bucketTable = "delivery_row_buckets"

    /// The row id held in a result column (a packed GUID or text), nil for NULL.
    static func of(_ statement: RawStatement, _ column: Int32) -> String? {
        if statement.isNull(column) { return nil }
        // Only a blob is a packed GUID: a 16-character id kept as text is text.
        let blob = statement.blob(column)
        if statement.isBlob(column), blob.count == 16, let text = GUIDBytes.unpack(blob) { return text }
        return statement.string(column)
    }
}
