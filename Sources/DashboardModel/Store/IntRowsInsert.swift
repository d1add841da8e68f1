import GRDB

/// An INSERT of rows of integers, run for many rows per statement: SQLite's cost per statement (step, reset,
/// bindings) is paid once per `rowsPerStatement` rows instead of once per row. Rows are buffered by `append`;
/// `flush` writes what is left (the remainder row by row).
final class IntRowsInsert {
    private let many: RawStatement
    private let one: RawStatement
    private let width: Int
    private let rowsPerStatement: Int
    private var buffer: [Int64] = []

    /// - Parameters:
    ///   - head: up to `VALUES`, e.g. `INSERT INTO t(a, b) VALUES`.
    ///   - tail: after the rows, e.g. an `ON CONFLICT` clause.
    init(_ db: Database, head: String, width: Int, tail: String = "", rowsPerStatement: Int = 100) throws {
        let tuple = "(" + Array(repeating: "?", count: width).joined(separator: ", ") + ")"
        many = try RawStatement(db, head + " " + Array(repeating: tuple, count: rowsPerStatement).joined(separator: ", ") + " " + tail)
        one = try RawStatement(db, head + " " + tuple + " " + tail)
        self.width = width
        self.rowsPerStatement = rowsPerStatement
        buffer.reserveCapacity(width * rowsPerStatement)
    }

    func append(_ a: Int64, _ b: Int64) throws {
        buffer.append(a)
        buffer.append(b)
        if buffer.count == width * rowsPerStatement { try runMany() }
    }

    func append(_ a: Int64, _ b: Int64, _ c: Int64) throws {
        buffer.append(a)
        buffer.append(b)
        buffer.append(c)
        if buffer.count == width * rowsPerStatement { try runMany() }
    }

    func append(_ a: Int64, _ b: Int64, _ c: Int64, _ d: Int64) throws {
        buffer.append(a)
        buffer.append(b)
        buffer.append(c)
        buffer.append(d)
        if buffer.count == width * rowsPerStatement { try runMany() }
    }

    /// Writes the rows still buffered.
    func flush() throws {
        precondition(buffer.count % width == 0, "a row was appended with the wrong number of values")
        var i = 0
        while i < buffer.count {
            for column in 0..<width { one.bind(Int32(column + 1), buffer[i + column]) }
            try one.run()
            i += width
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func runMany() throws {
        for (i, value) in buffer.enumerated() { many.bind(Int32(i + 1), value) }
        try many.run()
        buffer.removeAll(keepingCapacity: true)
    }
}
