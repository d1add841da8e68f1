extension StoreWriter {
    /// Applies one record of any table.
    public func apply(_ record: ImportRecord) throws {
        switch record {
        case .delivery(let d): try upsert(d)
        case .configuration(let c): try upsert(c)
        case .queue(let q): try upsert(q)
        case .conversation(let c): try upsert(c)
        case .deletion(let d): try delete(d)
        }
    }
}
