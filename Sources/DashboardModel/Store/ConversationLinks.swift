import GRDB

/// Which deliveries belong to a conversation, so that they can move when its direction arrives or changes.
/// Kept in `conversation_link_buckets`: 65,536 buckets by the top 16 bits of the conversation key, each one row
/// holding its (conversation, delivery) pairs sorted, 16 bytes a pair. A bulk import writes one row per bucket instead
/// of one per delivery; a later batch rewrites only the buckets it touches. A link may outlive its delivery's move to
/// another conversation: whoever follows a link checks the delivery's conversation.
enum ConversationLinks {
    typealias Pair = (conversation: Int64, delivery: Int64)

    /// A link made or dropped by a write transaction; `order` is the change's place in the transaction, times two,
    /// plus one for a link made: of two changes to the same pair the later one wins.
    struct Change {
        var conversation: Int64
        var delivery: Int64
        var order: Int64
        var isAdded: Bool { order & 1 == 1 }
    }

    @inline(__always) static func bucket(of conversation: Int64) -> Int64 { conversation >> 48 }

    /// The links' table. The same bucketed layout keeps other (key, delivery) pairs: `delivery_row_buckets` maps
    /// row ids to deliveries (the `table` parameters).
    static let linkTable = "conversation_link_buckets"

    /// Consecutive runs of `count` items sorted by conversation (`conversation(i)`) that fall in one bucket.
    static func bucketRuns(_ count: Int, conversation: (Int) -> Int64) -> [(bucket: Int64, range: Range<Int>)] {
        var runs: [(bucket: Int64, range: Range<Int>)] = []
        var start = 0
        while start < count {
            let bucket = Self.bucket(of: conversation(start))
            var end = start + 1
            while end < count, Self.bucket(of: conversation(end)) == bucket { end += 1 }
            runs.append((bucket, start..<end))
            start = end
        }
        return runs
    }

    /// The links of the given conversations (sorted, without repeats), each bucket read once, in order.
    static func deliveries(ofEach conversations: [Int64], _ db: Database, table: String = linkTable) throws -> [Pair] {
        guard !conversations.isEmpty else { return [] }
        let read = try RawStatement(db, "SELECT pairs FROM \(table) WHERE bucket = ?")
        var found: [Pair] = []
        for run in bucketRuns(conversations.count, conversation: { conversations[$0] }) {
            read.bind(1, run.bucket)
            if try read.step() {
                let wanted = Set(conversations[run.range])
                found += decode(read.blob(0)).filter { wanted.contains($0.conversation) }
            }
            read.reset()
        }
        return found
    }

    /// Every link, sorted (for checks and tests).
    static func all(_ db: Database) throws -> [Pair] {
        let statement = try RawStatement(db, "SELECT pairs FROM conversation_link_buckets ORDER BY bucket")
        var pairs: [Pair] = []
        while try statement.step() { pairs += decode(statement.blob(0)) }
        return pairs
    }

    /// Changes in the order `apply` takes them: by pair, then in the order they were made.
    static func sorted(_ changes: [Change]) -> [Change] {
        changes.sorted {
            $0.conversation != $1.conversation ? $0.conversation < $1.conversation
                : $0.delivery != $1.delivery ? $0.delivery < $1.delivery : $0.order < $1.order
        }
    }

    /// Applies a transaction's changes: bucket by bucket, each read once (unless the store had no links), merged, and
    /// written once.
    /// - Parameter storeHadNoLinks: no bucket was stored when the transaction began: nothing to read or replace.
    /// - Parameter sorted: the changes, as `sorted(_:)` leaves them.
    static func apply(sorted: [Change], storeHadNoLinks: Bool, _ db: Database, table: String = linkTable) throws {
        guard !sorted.isEmpty else { return }
        let read = try RawStatement(db, "SELECT pairs FROM \(table) WHERE bucket = ?")
        let write = try RawStatement(db, "INSERT OR REPLACE INTO \(table)(bucket, pairs) VALUES (?, ?)")
        let remove = try RawStatement(db, "DELETE FROM \(table) WHERE bucket = ?")
        var fresh = BucketRowsInsert(db, table: table)
        for (bucket, range) in bucketRuns(sorted.count, conversation: { sorted[$0].conversation }) {
            if storeHadNoLinks {
                let pairs = merged(existing: [], sorted[range])
                if !pairs.isEmpty { try fresh.append(bucket, encode(pairs)) }
            } else {
                read.bind(1, bucket)
                let existing = try read.step() ? decode(read.blob(0)) : []
                read.reset()
                let pairs = merged(existing: existing, sorted[range])
                if pairs.isEmpty {
                    remove.bind(1, bucket)
                    try remove.run()
                } else {
                    write.bind(1, bucket)
                    try encode(pairs).withUnsafeBufferPointer { bytes in
                        write.bindStaticBlob(2, bytes)
                        try write.run()
                    }
                }
            }
        }
        try fresh.flush()
    }

    /// The stored pairs of a bucket with its changes applied (sorted; the last change of a pair wins).
    static func merged(existing: [Pair], _ changes: ArraySlice<Change>) -> [Pair] {
        var out: [Pair] = []
        out.reserveCapacity(existing.count + changes.count)
        var i = 0, j = changes.startIndex
        while i < existing.count || j < changes.endIndex {
            if j == changes.endIndex
                || (i < existing.count && (existing[i].conversation, existing[i].delivery) < (changes[j].conversation, changes[j].delivery)) {
                out.append(existing[i])
                i += 1
                continue
            }
            // The changes of one pair (and the stored link, if any): the last change decides.
            let pair = (changes[j].conversation, changes[j].delivery)
            if i < existing.count, (existing[i].conversation, existing[i].delivery) == pair { i += 1 }
            var last = changes[j]
            while j + 1 < changes.endIndex, (changes[j + 1].conversation, changes[j + 1].delivery) == pair {
                j += 1
                last = changes[j]
            }
            j += 1
            if last.isAdded { out.append((last.conversation, last.delivery)) }
        }
        return out
    }

    static func encode(_ pairs: [Pair]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: pairs.count * 16)
        bytes.withUnsafeMutableBytes { raw in
            for (k, pair) in pairs.enumerated() {
                raw.storeBytes(of: pair.conversation.littleEndian, toByteOffset: k * 16, as: Int64.self)
                raw.storeBytes(of: pair.delivery.littleEndian, toByteOffset: k * 16 + 8, as: Int64.self)
            }
        }
        return bytes
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) -> [Pair] {
        (0..<(bytes.count / 16)).map { k in
            (Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: k * 16, as: Int64.self)),
             Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: k * 16 + 8, as: Int64.self)))
        }
    }

    /// Builds the buckets from `conversation_links` (one row per link, before migration v5), bucket by bucket in
    /// key order: memory for one bucket at a time, whatever the store's size.
    static func rebuildFromLinkRows(_ db: Database) throws {
        var fresh = BucketRowsInsert(db, table: linkTable)
        var pairs: [Pair] = []
        var current: Int64?
        do {
            let rows = try RawStatement(db, "SELECT conversation, delivery FROM conversation_links ORDER BY conversation, delivery")
            while try rows.step() {
                let pair = (conversation: rows.int64(0), delivery: rows.int64(1))
                let bucket = Self.bucket(of: pair.conversation)
                if let current, current != bucket {
                    try fresh.append(current, encode(pairs))
                    pairs.removeAll(keepingCapacity: true)
                }
                current = bucket
                pairs.append(pair)
            }
        }
        if let current { try fresh.append(current, encode(pairs)) }
        try fresh.flush()
    }
}

/// New bucket rows, 64 to a statement (a bulk import writes tens of thousands).
private struct BucketRowsInsert {
    static let rowsPerStatement = 64
    let db: Database
    let table: String
    /// The rows' bytes, one after another, bound without a copy while the statement runs.
    var bytes: [UInt8] = []
    var rows: [(bucket: Int64, start: Int, count: Int)] = []
    var many: RawStatement?

    init(_ db: Database, table: String) {
        self.db = db
        self.table = table
    }

    mutating func append(_ bucket: Int64, _ pairs: [UInt8]) throws {
        rows.append((bucket, bytes.count, pairs.count))
        bytes.append(contentsOf: pairs)
        if rows.count == Self.rowsPerStatement { try run() }
    }

    mutating func flush() throws {
        if !rows.isEmpty { try run() }
    }

    private mutating func run() throws {
        let statement: RawStatement
        if rows.count == Self.rowsPerStatement, let many {
            statement = many
        } else {
            let values = Array(repeating: "(?, ?)", count: rows.count).joined(separator: ", ")
            statement = try RawStatement(db, "INSERT INTO \(table)(bucket, pairs) VALUES \(values)")
            if rows.count == Self.rowsPerStatement { many = statement }
        }
        try bytes.withUnsafeBufferPointer { all in
            for (k, row) in rows.enumerated() {
                statement.bind(Int32(2 * k + 1), row.bucket)
                statement.bindStaticBlob(Int32(2 * k + 2), UnsafeBufferPointer(rebasing: all[row.start..<(row.start + row.count)]))
            }
            try statement.run()
        }
        rows.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
    }
}
