/// Ids kept as the store keeps delivery and row ids: 16 bytes for a canonical lower-case GUID (`GUIDBytes`), else
/// text. Conversations' ids and queue ids are written so since issue 11 (the conversations table is about half as
/// large); rows written before keep text, and every reader takes both (`holds`, `RowIdText.of`).
enum StoredIdText {
    /// Binds the id: a GUID as 16 bytes, anything else as its text; NULL for nil.
    static func bind(_ statement: RawStatement, _ index: Int32, _ id: String?) {
        guard let id else {
            statement.bindNull(index)
            return
        }
        var copy = id
        let guid = copy.withUTF8 { GUIDBytes.pack($0) }
        guard let guid else {
            statement.bind(index, id)
            return
        }
        withUnsafeBytes(of: (guid.0.bigEndian, guid.1.bigEndian)) { statement.bind(index, copyOf: $0) }
    }

    /// The 16 bytes of a canonical GUID, nil for an id kept as text.
    static func packed(_ id: String) -> [UInt8]? {
        var copy = id
        guard let guid = copy.withUTF8({ GUIDBytes.pack($0) }) else { return nil }
        var bytes: [UInt8] = []
        GUIDBytes.append(guid, to: &bytes)
        return bytes
    }

    /// True when the column holds the id, as 16 packed bytes (`packed`, the id's `packed(_:)`) or as text.
    static func holds(_ statement: RawStatement, _ column: Int32, _ id: String, packed: [UInt8]?) -> Bool {
        if let packed, packed.withUnsafeBufferPointer({ statement.blob(column, equals: $0) }) { return true }
        var copy = id
        return copy.withUTF8 { statement.text(column, equals: $0) }
    }

    /// The same for an id's text, packed only when the column holds a blob.
    static func holds(_ statement: RawStatement, _ column: Int32, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard statement.isBlob(column) else { return statement.text(column, equals: text) }
        guard let guid = GUIDBytes.pack(text) else { return false }
        return withUnsafeBytes(of: (guid.0.bigEndian, guid.1.bigEndian)) { packed in
            packed.withMemoryRebound(to: UInt8.self) { statement.blob(column, equals: $0) }
        }
    }
}
