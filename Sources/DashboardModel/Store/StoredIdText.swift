/// Ids kept as the store keeps delivery and row ids: 16 bytes for a canonical lower-case GUID (`GUIDBytes`), else
/// text. Conversations' ids and queue ids are written so since issue 11 (the conversations table is about half as
/// large); rows written before keep text, and every reader takes both (`RowIdText.of`).
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

    /// True when the column holds this id's text, or its 16 packed bytes.
    static func holds(_ statement: RawStatement, _ column: Int32, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard statement.isBlob(column) else { return statement.text(column, equals: text) }
        guard let guid = GUIDBytes.pack(text) else { return false }
        return withUnsafeBytes(of: (guid.0.bigEndian, guid.1.bigEndian)) { packed in
            packed.withMemoryRebound(to: UInt8.self) { statement.blob(column, equals: $0) }
        }
    }
}
