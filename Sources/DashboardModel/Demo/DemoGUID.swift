/// GUID-shaped ids (lowercase hex, 8-4-4-4-12, version 4 / RFC variant bits) built from generator output,
/// byte by byte: no `String(format:)`, no `UUID`.
enum DemoGUID {
    private static let digits: StaticString = "0123456789abcdef"

    static func make(_ rng: inout DemoRandom) -> String { make(high: rng.next(), low: rng.next()) }

    static func make(high: UInt64, low: UInt64) -> String {
        let a = (high & ~(0xF << 12)) | (0x4 << 12)  // version 4
        let b = (low & ~(0x3 << 62)) | (0x2 << 62)  // variant 10xx
        let hex = digits.utf8Start
        return String(unsafeUninitializedCapacity: 36) { buffer in
            // Two hex digits per byte, most significant first; dashes after hex digits 8, 12, 16 and 20.
            @inline(__always) func byte(_ word: UInt64, _ index: Int, at position: Int) {
                let value = Int(truncatingIfNeeded: word >> UInt64(56 - 8 * index)) & 0xFF
                buffer[position] = hex[value >> 4]
                buffer[position + 1] = hex[value & 0xF]
            }
            byte(a, 0, at: 0)
            byte(a, 1, at: 2)
            byte(a, 2, at: 4)
            byte(a, 3, at: 6)
            buffer[8] = 0x2D
            byte(a, 4, at: 9)
            byte(a, 5, at: 11)
            buffer[13] = 0x2D
            byte(a, 6, at: 14)
            byte(a, 7, at: 16)
            buffer[18] = 0x2D
            byte(b, 0, at: 19)
            byte(b, 1, at: 21)
            buffer[23] = 0x2D
            byte(b, 2, at: 24)
            byte(b, 3, at: 26)
            byte(b, 4, at: 28)
            byte(b, 5, at: 30)
            byte(b, 6, at: 32)
            byte(b, 7, at: 34)
            return 36
        }
    }
}
