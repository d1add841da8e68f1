/// Word-at-a-time (SWAR) byte searches: test 8 bytes per step for the bytes that end a field or a string.
/// Each mask has the high bit set in every byte that matches; bits above the first true match may be false
/// positives (borrows), so only the lowest set bit is used: it is always a true match. Package-wide: the sync's
/// page scan (`ODataPageLinks`) uses the same searches.
package enum ByteScan {
    @inlinable package static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @inlinable package static var highs: UInt64 { 0x8080_8080_8080_8080 }

    @inlinable @inline(__always) package static func load(_ p: UnsafePointer<UInt8>, _ i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
    }

    /// Bytes of `word` equal to `byte`.
    @inlinable @inline(__always) package static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs
    }

    /// Bytes of `word` below `limit` (limit <= 128).
    @inlinable @inline(__always) package static func below(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highs
    }

    /// Index within the word of the first flagged byte.
    @inlinable @inline(__always) package static func first(_ mask: UInt64) -> Int { mask.trailingZeroBitCount >> 3 }

    /// The first index >= `from` (and < `count`) whose byte is `,`, LF or CR; `count` when there is none.
    @inlinable @inline(__always) package static func csvFieldEnd(_ p: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
        var i = from
        while i + 8 <= count {
            let w = load(p, i)
            let m = equal(w, 44) | equal(w, 10) | equal(w, 13)
            if m != 0 { return i + first(m) }
            i += 8
        }
        while i < count {
            let b = p[i]
            if b == 44 || b == 10 || b == 13 { return i }
            i += 1
        }
        return count
    }

    /// The first index >= `from` whose byte is `"` or LF (inside a quoted CSV field); `count` when there is none.
    @inlinable @inline(__always) package static func quoteOrLineFeed(_ p: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
        var i = from
        while i + 8 <= count {
            let w = load(p, i)
            let m = equal(w, 34) | equal(w, 10)
            if m != 0 { return i + first(m) }
            i += 8
        }
        while i < count {
            let b = p[i]
            if b == 34 || b == 10 { return i }
            i += 1
        }
        return count
    }

    /// The first index >= `from` whose byte is `"`, a backslash or a control character (inside a JSON string).
    @inlinable @inline(__always) package static func jsonStringStop(_ p: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
        var i = from
        while i + 8 <= count {
            let w = load(p, i)
            let m = equal(w, 34) | equal(w, 92) | below(w, 0x20)
            if m != 0 { return i + first(m) }
            i += 8
        }
        while i < count {
            let b = p[i]
            if b == 34 || b == 92 || b < 0x20 { return i }
            i += 1
        }
        return count
    }

    /// The first index in `from..<to` whose byte is NUL or not ASCII (>= 0x80); `to` when there is none. Most values
    /// are ASCII: this lets a value skip UTF-8 validation in one pass of 8 bytes a step.
    @inlinable @inline(__always) package static func nulOrNonASCII(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        var i = from
        while i + 8 <= to {
            let w = load(p, i)
            let m = equal(w, 0) | (w & highs)
            if m != 0 { return i + first(m) }
            i += 8
        }
        while i < to {
            let b = p[i]
            if b == 0 || b >= 0x80 { return i }
            i += 1
        }
        return to
    }

    /// Equality of two byte ranges, 8 bytes at a time.
    @inlinable @inline(__always) package static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i + 8 <= n {
            if load(a, i) != load(b, i) { return false }
            i += 8
        }
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    /// A cheap hash of a byte range (length, first and last 8 bytes).
    @inlinable @inline(__always) package static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h = UInt64(n) &* 0x9E37_79B9_7F4A_7C15
        if n >= 8 {
            h ^= load(p, 0) &* 0xC2B2_AE3D_27D4_EB4F
            h = (h << 29 | h >> 35) ^ (load(p, n - 8) &* 0x1656_67B1_9E37_79F9)
        } else {
            for i in 0..<n { h = (h ^ UInt64(p[i])) &* 0x100_0000_01B3 }
        }
        return (h ^ (h >> 31)) &* 0x9E37_79B9_7F4A_7C15
    }
}
