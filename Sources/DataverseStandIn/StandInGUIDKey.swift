/// A GUID's 128 bits, read from its text (`8-4-4-4-12` hex digits, either case): the table's index of rows by id
/// keeps GUID ids under this key too, so an `In` list of thousands of ids is looked up from its bytes, with no
/// `String` made, lowered or hashed per id.
struct StandInGUIDKey: Hashable {
    var high: UInt64
    var low: UInt64

    /// nil when the bytes are not a GUID's text.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 36 else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0, digits = 0
        for (i, byte) in bytes.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            if digits < 16 { high = high << 4 | UInt64(value) } else { low = low << 4 | UInt64(value) }
            digits += 1
        }
        self.high = high
        self.low = low
    }

    init?(_ text: String) {
        var text = text
        guard let key = text.withUTF8({ StandInGUIDKey($0) }) else { return nil }
        self = key
    }
}
