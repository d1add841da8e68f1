import GRDB
import GRDBSQLite

/// The one reader of the integers the store holds (meta values, snapshot sizes, slots, combinations, counts,
/// minutes, delivery times): each is checked to be an SQLite integer within the range its use allows before it
/// is converted, so a store altered by hand gives `StoreDamaged` instead of a trap.
enum StoredInteger {
    /// Counts of deliveries: never negative, and Int32 in the packed snapshot and the in-memory index.
    static let count: ClosedRange<Int64> = 0...Int64(Int32.max)
    /// Combination ids (dense from 1, Int32 in the snapshot and the index).
    static let comboId: ClosedRange<Int64> = 1...Int64(Int32.max)
    /// Generations and the snapshot's row count.
    static let generation: ClosedRange<Int64> = 0...(Int64.max / 2)
    static let rowCount: ClosedRange<Int64> = 0...Int64(Int32.max / 4)
    /// Stored times (15-minute slots, minutes of `recent_processed`, `meta.changed_at`) lie within 1970-01-01 through
    /// 2200-12-31 UTC. The importer accepts only `TimestampRange` (2000-2100), but a store written before it did may
    /// hold a few times outside that, and they still read; a slot beyond these bounds is damage, and would have every
    /// day-by-day view walk thousands of years.
    static let storedSeconds: ClosedRange<Int64> = 0...7_289_654_399
    static let slot: ClosedRange<Int64> = TimeSlots.slot(of: storedSeconds.lowerBound)...TimeSlots.slot(of: storedSeconds.upperBound)
    static let minute: ClosedRange<Int64> = TimeSlots.minute(of: storedSeconds.lowerBound)...TimeSlots.minute(of: storedSeconds.upperBound)
    static let changedAt: ClosedRange<Int64> = storedSeconds

    /// The value of a column of the statement's current row, checked.
    /// - Parameter what: names the value for the error, e.g. `slot_counts.slot`.
    static func read(_ statement: RawStatement, _ column: Int32, _ what: @autoclosure () -> String,
                     in range: ClosedRange<Int64>) throws -> Int64 {
        guard statement.type(column) == SQLITE_INTEGER else {
            throw StoreDamaged("\(what()) holds \(statement.typeName(column)), expected an integer")
        }
        let value = statement.int64(column)
        guard range.contains(value) else {
            throw StoreDamaged("\(what()) holds \(value), outside \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// `read` for values whose range fits an Int32 (the conversion cannot fail once the range is checked).
    static func read32(_ statement: RawStatement, _ column: Int32, _ what: @autoclosure () -> String,
                       in range: ClosedRange<Int64>) throws -> Int32 {
        precondition(range.lowerBound >= Int64(Int32.min) && range.upperBound <= Int64(Int32.max))
        return Int32(truncatingIfNeeded: try read(statement, column, what(), in: range))
    }

    /// A nullable integer column: nil for NULL, otherwise checked as `read` does.
    static func readOptional(_ statement: RawStatement, _ column: Int32, _ what: @autoclosure () -> String,
                             in range: ClosedRange<Int64>) throws -> Int64? {
        statement.isNull(column) ? nil : try read(statement, column, what(), in: range)
    }

    /// A value of `meta` (nil when the key is missing), checked.
    static func meta(_ db: Database, _ key: String, in range: ClosedRange<Int64>) throws -> Int64? {
        let statement = try RawStatement(db, "SELECT value FROM meta WHERE key = ?")
        statement.bind(1, key)
        guard try statement.step() else { return nil }
        return try read(statement, 0, "meta.\(key)", in: range)
    }

    /// The store's generation counter (0 when missing).
    static func generation(_ db: Database) throws -> Int64 { try meta(db, "generation", in: generation) ?? 0 }
}
