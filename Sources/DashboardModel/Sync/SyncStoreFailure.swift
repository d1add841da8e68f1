/// A failure of the store itself (a transaction that cannot begin, end or commit), not of a page's records: it
/// reaches the caller as it is.
struct SyncStoreFailure: Error {
    let error: Error
}
