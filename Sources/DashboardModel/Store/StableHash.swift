/// A 64-bit hash of an id that is the same in every run and on every machine (Swift's `Hasher` is seeded per
/// process, so it cannot key a store). FNV-1a followed by a 64-bit finaliser (splitmix) for well-spread bits.
/// Deliveries and conversations are keyed by it: an integer primary key is a far smaller and faster B-tree than
/// a unique index over 36-character GUID text.
enum StableHash {
    static func of(_ text: String) -> Int64 {
        var copy = text
        return copy.withUTF8 { of($0.baseAddress, $0.count) }
    }

    static func of(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int64 {
        var h = offset
        if let bytes { for i in 0..<count { h = step(h, bytes[i]) } }
        return finish(h)
    }

    /// A second hash of the same bytes, independent of `of` (another start, the bytes from the last to the
    /// first, another finaliser): with `of`, 128 bits that tell two ids apart where a stored id is not at hand.
    static func second(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x6c62_272e_07bb_0142
        for byte in bytes.reversed() { h = step(h, byte) }
        h ^= h >> 33
        h &*= 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h &*= 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h
    }

    static func second(_ text: String) -> UInt64 {
        var copy = text
        return copy.withUTF8 { second($0) }
    }

    private static let offset: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always) private static func step(_ h: UInt64, _ byte: UInt8) -> UInt64 {
        (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    @inline(__always) private static func finish(_ hash: UInt64) -> Int64 {
        var h = hash
        h ^= h >> 30
        h &*= 0xbf58_476d_1ce4_e5b9
        h ^= h >> 27
        h &*= 0x94d0_49bb_1331_11eb
        h ^= h >> 31
        return Int64(bitPattern: h)
    }
}
