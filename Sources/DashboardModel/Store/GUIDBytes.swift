/// A canonical GUID (`3b7dae04-8c5f-4f0e-9d3a-1c2b3a4d5e6f`, lower-case, as `GUIDText.normalize` leaves it) packed
/// into 16 bytes. The store keeps such delivery ids as 16-byte blobs instead of 36 characters of text: a smaller row
/// to build, page and commit. Ids of any other shape are kept as text.
enum GUIDBytes {
    /// The 16 bytes, most significant first, or nil when the text is not a canonical lower-case GUID.
    static func pack(_ text: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        guard text.count == 36, let p = text.baseAddress else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0
        var nibbles = 0
        for i in 0..<36 {
            let c = p[i]
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard c == 45 else { return nil }  // '-'
                continue
            }
            let v: UInt64
            switch c {
            case 48...57: v = UInt64(c - 48)
            case 97...102: v = UInt64(c - 87)
            default: return nil
            }
            if nibbles < 16 { high = high << 4 | v } else { low = low << 4 | v }
            nibbles += 1
        }
        return (high, low)
    }

    /// Appends the 16 bytes of a packed GUID, most significant first.
    static func append(_ guid: (UInt64, UInt64), to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: guid.0 >> UInt64(shift))) }
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: guid.1 >> UInt64(shift))) }
    }
}
