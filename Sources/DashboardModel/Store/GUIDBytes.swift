/// A canonical GUID (`3b7dae04-8c5f-4f0e-9d3a-1c2b3a4d5e6f`, lower-case, as `GUIDText.normalize` leaves it) packed
/// into 16 bytes. The store keeps such delivery ids as 16-byte blobs instead of 36 characters of text: a smaller row
/// to build, page and commit. Ids of any other shape are kept as text.
public enum GUIDBytes {
    /// The 16 bytes, most significant first, or nil when the text is not a canonical lower-case GUID.
    public static func pack(_ text: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        guard text.count == 36, let p = text.baseAddress,
              p[8] == 45, p[13] == 45, p[18] == 45, p[23] == 45 else { return nil }  // '-'
        // Every nibble is decoded; an invalid byte sets bit 4 of `bad` (one test at the end, no branch per byte).
        var bad: UInt8 = 0
        @inline(__always) func hex(_ at: Int, _ count: Int, into value: inout UInt64) {
            for i in at..<(at + count) {
                let v = nibble(p[i])
                bad |= v
                value = value << 4 | UInt64(v & 15)
            }
        }
        var high: UInt64 = 0, low: UInt64 = 0
        hex(0, 8, into: &high)
        hex(9, 4, into: &high)
        hex(14, 4, into: &high)
        hex(19, 4, into: &low)
        hex(24, 12, into: &low)
        return bad & 16 == 0 ? (high, low) : nil
    }

    /// The value of a lower-case hex digit (0...15), or 16 for any other byte.
    @inline(__always) private static func nibble(_ c: UInt8) -> UInt8 {
        let digit = c &- 48, letter = c &- 97
        if digit < 10 { return digit }
        if letter < 6 { return letter &+ 10 }
        return 16
    }

    /// Appends the 16 bytes of a packed GUID, most significant first.
    static func append(_ guid: (UInt64, UInt64), to bytes: inout [UInt8]) {
        withUnsafeBytes(of: (guid.0.bigEndian, guid.1.bigEndian)) { bytes.append(contentsOf: $0) }
    }

    /// Appends the canonical text of 16 packed bytes (36 bytes, lower-case hex); false (nothing appended) for any
    /// other length.
    @inline(__always) static func appendText(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) -> Bool {
        guard bytes.count == 16 else { return false }
        // Made in a 36-byte scratch and appended at once (an append per byte costs more than the formatting).
        var text: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &text) { t in
            _ = write(bytes, to: t.baseAddress!.assumingMemoryBound(to: UInt8.self))
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: t[0..<36]))
        }
        return true
    }

    /// Writes the canonical text of 16 packed bytes (36 bytes, lower-case hex) at `t`; false (nothing written) for any
    /// other length. Each byte's two digits come from one table look-up.
    @inline(__always) static func write(_ bytes: UnsafeRawBufferPointer, to t: UnsafeMutablePointer<UInt8>) -> Bool {
        guard bytes.count == 16 else { return false }
        let pairs = hexPairs.utf8Start
        var j = 0
        for i in 0..<16 {
            if i == 4 || i == 6 || i == 8 || i == 10 { t[j] = 45; j += 1 }
            let at = Int(bytes[i]) &* 2
            t[j] = pairs[at]
            t[j + 1] = pairs[at + 1]
            j += 2
        }
        return true
    }

    /// The two lower-case hex digits of every byte value, in order.
    private static let hexPairs: StaticString = """
        000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f\
        303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f\
        606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f\
        909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf\
        c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeef\
        f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff
        """

    /// The canonical text of 16 packed bytes (the inverse of `pack`), nil for any other length.
    static func unpack(_ bytes: UnsafeRawBufferPointer) -> String? {
        guard bytes.count == 16 else { return nil }
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for i in 0..<16 {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append(45) }
            out.append(digits[Int(bytes[i] >> 4)])
            out.append(digits[Int(bytes[i] & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
