/// The text of one cell as UTF-8 held inline: at most `capacity` bytes, no allocation and no reference counting, so a
/// `Cell` is a plain value (a frame's 4,200 cells are copied, compared and filled as bytes).
///
/// A cell holds one grapheme cluster in the form `TerminalGlyph` gives it: at most `TerminalGlyph.maxScalars` code
/// points of at most 4 bytes each, which always fit. Longer text (only a caller building a `Cell` by hand could
/// pass it) is stored as `TerminalGlyph.narrowReplacement`, as `put` draws a cluster too long for a cell.
public struct CellText: Hashable, Sendable {
    /// Bytes stored inline; unused bytes are zero, so equality and hashing compare the words.
    public static let capacity = 24

    private var w0: UInt64 = 0
    private var w1: UInt64 = 0
    private var w2: UInt64 = 0
    /// Bytes used.
    public private(set) var count: UInt8 = 0

    public init() {}

    public init(_ text: String) {
        var text = text
        let stored = text.withUTF8 { bytes -> Bool in
            guard bytes.count <= Self.capacity else { return false }
            for (k, b) in bytes.enumerated() { self.set(byte: b, at: k) }
            count = UInt8(bytes.count)
            return true
        }
        if !stored { self = CellText(TerminalGlyph.narrowReplacement) }
    }

    /// One ASCII byte (the common cell).
    init(ascii byte: UInt8) {
        w0 = UInt64(byte)
        count = 1
    }

    /// One code point.
    init(_ scalar: Unicode.Scalar) {
        for unit in scalar.utf8 { append(unit) }
    }

    private mutating func append(_ byte: UInt8) {
        set(byte: byte, at: Int(count))
        count += 1
    }

    private mutating func set(byte: UInt8, at k: Int) {
        let shift = UInt64((k % 8) * 8)
        switch k / 8 {
        case 0: w0 |= UInt64(byte) << shift
        case 1: w1 |= UInt64(byte) << shift
        default: w2 |= UInt64(byte) << shift
        }
    }

    /// Byte `k` (`k < count`).
    @inline(__always)
    public func byte(_ k: Int) -> UInt8 {
        let word = k < 8 ? w0 : (k < 16 ? w1 : w2)
        return UInt8(truncatingIfNeeded: word >> UInt64((k % 8) * 8))
    }

    /// Whether the text is the one byte `b`.
    @inline(__always)
    public func isByte(_ b: UInt8) -> Bool { count == 1 && w0 == UInt64(b) }

    /// Appends the bytes to `bytes`.
    @inline(__always)
    public func appendUTF8(to bytes: inout [UInt8]) {
        if count == 1 { bytes.append(UInt8(truncatingIfNeeded: w0)); return }
        for k in 0..<Int(count) { bytes.append(byte(k)) }
    }

    /// Appends the code points to `scalars` (the bytes are always whole UTF-8 sequences: they came from a String).
    public func appendScalars(to scalars: inout [UInt32]) {
        let n = Int(count)
        var k = 0
        while k < n {
            let lead = UInt32(byte(k))
            func next(_ j: Int) -> UInt32 { UInt32(byte(k + j)) & 0x3F }
            switch lead {
            case ..<0x80: scalars.append(lead); k += 1
            case ..<0xE0: scalars.append((lead & 0x1F) << 6 | next(1)); k += 2
            case ..<0xF0: scalars.append((lead & 0x0F) << 12 | next(1) << 6 | next(2)); k += 3
            default: scalars.append((lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3)); k += 4
            }
        }
    }

    public var string: String {
        if count == 0 { return "" }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(count))
        appendUTF8(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
