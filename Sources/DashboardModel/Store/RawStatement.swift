import Foundation
import GRDB
import GRDBSQLite

/// A prepared statement driven through SQLite's C API, for the few hot loops (import, aggregate load) where
/// GRDB's argument boxing would dominate. Everything else goes through GRDB.
final class RawStatement {
    private let handle: OpaquePointer
    private let connection: OpaquePointer
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, _ sql: String) throws {
        guard let connection = db.sqliteConnection else { throw DatabaseError(message: "closed connection") }
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard rc == SQLITE_OK, let statement else {
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        self.handle = statement
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }
    func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(handle, index, Int64(value)) }
    func bindNull(_ index: Int32) { sqlite3_bind_null(handle, index) }
    func bind(_ index: Int32, _ value: String) {
        var copy = value
        copy.withUTF8 { buffer in
            _ = sqlite3_bind_text(handle, index, buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                                  Int32(buffer.count), RawStatement.transient)
        }
    }
    /// Binds a copy of the bytes as a blob.
    func bind(_ index: Int32, blob bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            _ = sqlite3_bind_blob(handle, index, buffer.baseAddress, Int32(buffer.count), RawStatement.transient)
        }
    }
    /// Binds a copy of the bytes as a blob.
    func bind(_ index: Int32, copyOf bytes: UnsafeRawBufferPointer) {
        sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), RawStatement.transient)
    }
    /// Binds text without copying it: the bytes must stay put until the statement is reset or bound again.
    func bindStatic(_ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            sqlite3_bind_text(handle, index, "", 0, nil)
            return
        }
        sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
    }
    /// Binds a blob without copying it (the same terms as `bindStatic`).
    func bindStaticBlob(_ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
        sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), nil)
    }
    func bind(_ index: Int32, _ value: Int?) {
        if let value { bind(index, value) } else { bindNull(index) }
    }
    func bind(_ index: Int32, _ value: String?) {
        if let value { bind(index, value) } else { bindNull(index) }
    }

    /// Steps once; true when a row is available.
    @discardableResult
    func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(connection)))
        }
    }

    /// Runs a statement that returns no rows, then resets it for the next use.
    func run() throws {
        defer { reset() }
        try step()
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE run on this statement's connection.
    var changes: Int { Int(sqlite3_changes(connection)) }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    func isBlob(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_BLOB }
    func isInteger(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_INTEGER }
    /// SQLite's storage class of a column of the current row (`SQLITE_INTEGER`, `SQLITE_TEXT`, ...).
    func type(_ column: Int32) -> Int32 { sqlite3_column_type(handle, column) }
    /// The storage class in words, for error messages.
    func typeName(_ column: Int32) -> String {
        switch type(column) {
        case SQLITE_INTEGER: "an integer"
        case SQLITE_FLOAT: "a real number"
        case SQLITE_TEXT: "text"
        case SQLITE_BLOB: "a blob"
        default: "NULL"
        }
    }
    /// A blob column's bytes, valid until the statement steps again or is reset.
    func blob(_ column: Int32) -> UnsafeRawBufferPointer {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: bytes, count: count)
    }

    /// True when a blob column holds exactly these bytes.
    func blob(_ column: Int32, equals bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard sqlite3_column_type(handle, column) == SQLITE_BLOB else { return false }
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count == bytes.count, let stored = sqlite3_column_blob(handle, column) else { return count == 0 && bytes.isEmpty }
        guard let other = bytes.baseAddress else { return true }
        return memcmp(stored, other, count) == 0
    }

    /// True when a text column holds exactly these bytes.
    func text(_ column: Int32, equals bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard sqlite3_column_type(handle, column) == SQLITE_TEXT else { return false }
        guard let text = sqlite3_column_text(handle, column) else { return bytes.isEmpty }
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count == bytes.count else { return false }
        guard let other = bytes.baseAddress, count > 0 else { return true }
        return memcmp(text, other, count) == 0
    }
    /// A column's text bytes (as `string` reads them; empty for NULL), valid until the statement steps again or is
    /// reset.
    func textBytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let text = sqlite3_column_text(handle, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column)))
    }

    func string(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }
}
