/// A fixed-size cache from short byte strings to values: a direct-mapped table (one entry per hash bucket, a
/// newer key replaces an older one) with the key bytes kept for an exact comparison. Used to skip re-decoding
/// values that repeat from record to record: column names in JSON, labels and ids that take few values.
final class ByteKeyCache<Value> {
    static var maxKeyLength: Int { 64 }
    private let buckets: Int
    private let keys: UnsafeMutablePointer<UInt8>
    private let lengths: UnsafeMutablePointer<Int>
    // Raw storage, not a Swift array in a `var`: no exclusivity checks or copy-on-write checks per access.
    private let values: UnsafeMutablePointer<Value?>

    /// `buckets` must be a power of two.
    init(buckets: Int) {
        self.buckets = buckets
        keys = .allocate(capacity: buckets * Self.maxKeyLength)
        lengths = .allocate(capacity: buckets)
        lengths.initialize(repeating: -1, count: buckets)
        values = .allocate(capacity: buckets)
        values.initialize(repeating: nil, count: buckets)
    }

    deinit {
        values.deinitialize(count: buckets)
        values.deallocate()
        keys.deallocate()
        lengths.deallocate()
    }

    @inline(__always) private func bucket(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        Int(truncatingIfNeeded: ByteScan.hash(p, n) >> 40) & (buckets - 1)
    }

    @inline(__always) func value(_ p: UnsafePointer<UInt8>, _ n: Int) -> Value? {
        guard n <= Self.maxKeyLength else { return nil }
        let b = bucket(p, n)
        guard lengths[b] == n, ByteScan.same(keys + b * Self.maxKeyLength, p, n) else { return nil }
        return values[b]
    }

    func store(_ value: Value, _ p: UnsafePointer<UInt8>, _ n: Int) {
        guard n <= Self.maxKeyLength else { return }
        let b = bucket(p, n)
        (keys + b * Self.maxKeyLength).update(from: p, count: n)
        lengths[b] = n
        values[b] = value
    }
}
