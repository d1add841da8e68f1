/// The text of one cell as UTF-8 held inline: at most `capacity` bytes, no allocation and no reference counting, so a
/// `Cell` is a plain value (a frame's 4,200 cells are copied, compared and filled as bytes).
///
/// A cell holds one grapheme cluster in the form `TerminalGlyph` gives it: at most `TerminalGlyph.maxScalars` code
/// points of at most 4 bytes each, which always fit. Longer text (only a caller building a `Cell` by hand could
/// pass it) is stored as `TerminalGlyph.narrowReplacement`, as `put` draws a cluster too long for a cell.
public struct CellText: Hashable, Sendable {
    /// Bytes stored inline; unused bytes are zero, so equality and hashing compare the words. The last of the 24
    /// bytes holds the count (a `Cell` is then 56 bytes, not 64).
    public static let capacity = 23

    private var words: (UInt64, UInt64, UInt64) = (0, 0, 0)

    /// Bytes used.
    public var count: UInt8 { withUnsafeBytes(of: words) { $0[Self.capacity] } }

    public init() {}

    public init(_ text: String) {
        var text = text
        let stored = text.withUTF8 { bytes -> Bool in
            guard bytes.count <= Self.capacity else { return false }
            self = CellText(bytes, 0..<bytes.count)
            return true
        }
        if !stored { self = CellText(TerminalGlyph.narrowReplacement) }
    }

    /// One ASCII byte (the common cell).
    init(ascii byte: UInt8) {
        append(byte)
    }

    /// The bytes `range` of `bytes` (whole UTF-8 sequences; what does not fit in `capacity` is left out).
    init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        for k in range where k < bytes.count && Int(count) < Self.capacity { append(bytes[k]) }
    }

    private mutating func append(_ byte: UInt8) {
        let k = Int(count)
        withUnsafeMutableBytes(of: &words) {
            $0[k] = byte
            $0[Self.capacity] = UInt8(k + 1)
        }
    }

    /// Calls `body` with the bytes.
    @inline(__always)
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeBytes(of: words) { raw in
            body(UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: Int(count)))
        }
    }

    /// Whether the text is the one byte `b`.
    @inline(__always)
    public func isByte(_ b: UInt8) -> Bool { count == 1 && withUTF8 { $0[0] == b } }

    /// Appends the bytes to `bytes`.
    @inline(__always)
    public func appendUTF8(to bytes: inout [UInt8]) {
        withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends the code points to `scalars`.
    public func appendScalars(to scalars: inout [UInt32]) {
        withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let (scalar, length) = Self.decode(bytes, at: i)
                scalars.append(scalar)
                i += length
            }
        }
    }

    public var string: String { withUTF8 { String(decoding: $0, as: UTF8.self) } }

    public static func == (a: CellText, b: CellText) -> Bool {
        a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
    }

    /// The length of the UTF-8 sequence `lead` begins.
    @inline(__always)
    static func sequenceLength(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : (lead < 0xE0 ? 2 : (lead < 0xF0 ? 3 : 4))
    }

    /// The code point at `i` of UTF-8 `bytes` and its length in bytes (the bytes are a String's, so valid; a sequence
    /// cut by the end reads its missing bytes as zero).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[i])
        let length = sequenceLength(lead: bytes[i])
        func next(_ j: Int) -> UInt32 { i + j < bytes.count ? UInt32(bytes[i + j]) & 0x3F : 0 }
        switch length {
        case 1: return (lead, 1)
        case 2: return ((lead & 0x1F) << 6 | next(1), 2)
        case 3: return ((lead & 0x0F) << 12 | next(1) << 6 | next(2), 3)
        default: return ((lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3), 4)
        }
    }
}
