import Foundation

/// How long the store waits for the next page before it commits the transaction it holds. A transaction commits
/// when no page comes within `pause`, so a store that keeps up with the pages shows them at once and loses nothing
/// received on a kill; but the end of a transaction costs the writer time that grows with the store (the counts,
/// the links, the snapshot, the commit: 0.6-0.9 s at a million deliveries), and committing at every pause of a
/// first read spent more on commits than on rows. So a transaction younger than `ratio` times the cost of the
/// last one's end waits that much longer for its next page: at most about a fifth of the writer's time goes to
/// ends, and a small store (ends of milliseconds) commits at every pause as before. The end of the stream commits
/// at once whatever the age.
struct CommitPatience {
    /// The last transaction's end (from its last page applied to its commit, as the store measured it), seconds.
    private(set) var lastEndSeconds = 0.0
    static let ratio = 4.0

    /// The wait for the next page of a transaction open for `age` seconds.
    func wait(age: Double, pause: Double, maxSeconds: Double) -> Double {
        max(pause, min(maxSeconds, Self.ratio * lastEndSeconds) - age)
    }

    mutating func ended(seconds: Double) { lastEndSeconds = max(0, seconds) }
}
