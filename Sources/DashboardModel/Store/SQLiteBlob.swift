import GRDB
import GRDBSQLite

/// SQLite's incremental blob I/O, for the aggregate snapshot: a blob column is read straight into Swift memory
/// (or written from it) without the intermediate copy a fetched `Data` would make.
enum SQLiteBlob {
    /// Size in bytes of `table.column` in the row `rowid`.
    static func size(_ db: Database, table: String, column: String, rowid: Int64) throws -> Int {
        try withBlob(db, table: table, column: column, rowid: rowid, writable: false) { blob, _ in
            Int(sqlite3_blob_bytes(blob))
        }
    }

    /// Reads the whole blob into `buffer`, which must be exactly as large as the blob.
    static func read(_ db: Database, table: String, column: String, rowid: Int64,
                     into buffer: UnsafeMutableRawBufferPointer) throws {
        try withBlob(db, table: table, column: column, rowid: rowid, writable: false) { blob, connection in
            let bytes = Int(sqlite3_blob_bytes(blob))
            guard bytes == buffer.count else {
                throw StoreDamaged("\(table).\(column) holds \(bytes) bytes, expected \(buffer.count)")
            }
            guard let base = buffer.baseAddress, bytes > 0 else { return }
            // `bytes` came from sqlite3_blob_bytes, an Int32: it converts back exactly.
            let rc = sqlite3_blob_read(blob, base, Int32(truncatingIfNeeded: bytes), 0)
            guard rc == SQLITE_OK else { throw error(rc, connection) }
        }
    }

    /// Reads the blob, which must hold exactly `expected` bytes, a piece of at most `pieceBytes` at a time into one
    /// buffer of that size, handing each piece to `body` in order: a large blob read without a copy of its whole size.
    static func readPieces(_ db: Database, table: String, column: String, rowid: Int64, expected: Int, pieceBytes: Int,
                           _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        try withBlob(db, table: table, column: column, rowid: rowid, writable: false) { blob, connection in
            let bytes = Int(sqlite3_blob_bytes(blob))
            guard bytes == expected else { throw StoreDamaged("\(table).\(column) holds \(bytes) bytes, expected \(expected)") }
            let piece = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, min(pieceBytes, bytes)), alignment: 16)
            defer { piece.deallocate() }
            guard let base = piece.baseAddress else { return }
            var offset = 0
            while offset < bytes {
                let length = min(piece.count, bytes - offset)
                // Both below sqlite3_blob_bytes, an Int32: they convert back exactly.
                let rc = sqlite3_blob_read(blob, base, Int32(truncatingIfNeeded: length), Int32(truncatingIfNeeded: offset))
                guard rc == SQLITE_OK else { throw error(rc, connection) }
                try body(UnsafeRawBufferPointer(start: base, count: length))
                offset += length
            }
        }
    }

    /// Overwrites the blob (already sized, e.g. by `zeroblob(n)`) with `bytes`.
    static func write(_ db: Database, table: String, column: String, rowid: Int64, from bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        guard let length = Int32(exactly: bytes.count) else { throw DatabaseError(message: "a blob of \(bytes.count) bytes is too large") }
        try withBlob(db, table: table, column: column, rowid: rowid, writable: true) { blob, connection in
            let rc = sqlite3_blob_write(blob, base, length, 0)
            guard rc == SQLITE_OK else { throw error(rc, connection) }
        }
    }

    private static func withBlob<T>(_ db: Database, table: String, column: String, rowid: Int64, writable: Bool,
                                    _ body: (OpaquePointer, OpaquePointer) throws -> T) throws -> T {
        guard let connection = db.sqliteConnection else { throw DatabaseError(message: "closed connection") }
        var blob: OpaquePointer?
        let rc = sqlite3_blob_open(connection, "main", table, column, rowid, writable ? 1 : 0, &blob)
        guard rc == SQLITE_OK, let blob else {
            // Reading, SQLITE_ERROR means the value is not a blob (or the row is missing): the store was altered.
            if !writable && rc == SQLITE_ERROR {
                throw StoreDamaged("\(table).\(column): \(String(cString: sqlite3_errmsg(connection)))")
            }
            throw error(rc, connection)
        }
        defer { sqlite3_blob_close(blob) }
        return try body(blob, connection)
    }

    private static func error(_ rc: Int32, _ connection: OpaquePointer) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(connection)))
    }
}
