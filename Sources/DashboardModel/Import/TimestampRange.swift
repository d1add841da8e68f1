/// The times the importer accepts: 2000-01-01T00:00:00Z through 2100-12-31T23:59:59Z. Proactive outbound data
/// never lies outside it; a year 1 or 9999 is a damaged export, and would make every day-by-day view of the store
/// walk thousands of years. The store's readers hold stored times to the same range (`StoredInteger`).
enum TimestampRange {
    /// Epoch seconds of the first and last accepted second.
    static let seconds: ClosedRange<Int64> = 946_684_800...4_133_980_799
    static let text = "2000-01-01T00:00:00Z...2100-12-31T23:59:59Z"
}
