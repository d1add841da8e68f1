import Foundation

/// A JSON value that keeps the order of object keys, so the output reads like CONTRACT.md's schema.
public indirect enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    /// Compact (one line) or pretty (two-space indent) text.
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// The same text as UTF-8 bytes, written straight into one buffer (no intermediate strings).
    public func serializedBytes(pretty: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, pretty: pretty, indent: 0)
        return out
    }

    private static func pad(_ out: inout [UInt8], _ level: Int) {
        for _ in 0..<(2 * level) { out.append(UInt8(ascii: " ")) }
    }

    private static func append(_ out: inout [UInt8], _ text: StaticString) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// An integer in decimal, as `String(i)` writes it.
    static func appendDecimal(_ value: Int, into out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 20 digits at most, in 24 bytes
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
        }
    }

    /// `%.4f`, as `String(format:)` writes it (the C library's formatting, in the C locale's digits): the double's
    /// exact value times 10,000, rounded half to even, in integer arithmetic (`FixedDecimal`); the C library's own
    /// formatting only for magnitudes of 10^15 and more, which no figure reaches (its variadic call costs a
    /// conformance lookup a process).
    static func appendFixed4(_ value: Double, into out: inout [UInt8]) {
        if FixedDecimal.appendFixed4(value, into: &out) { return }
        var buffer = [CChar](repeating: 0, count: 400)  // the largest finite double is 309 digits before the point
        let written = buffer.withUnsafeMutableBufferPointer { b in
            withVaList([value]) { vsnprintf(b.baseAddress, b.count, "%.4f", $0) }
        }
        guard written > 0 else { return }
        buffer.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: UInt8.self) { out.append(contentsOf: $0.prefix(min(Int(written), b.count - 1))) }
        }
    }

    private func write(into out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: Self.append(&out, "null")
        case .bool(let b): if b { Self.append(&out, "true") } else { Self.append(&out, "false") }
        case .int(let i): Self.appendDecimal(i, into: &out)
        case .double(let d): if d.isFinite { Self.appendFixed4(d, into: &out) } else { Self.append(&out, "null") }
        case .string(let s): JSONValue.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { Self.append(&out, "[]"); return }
            out.append(UInt8(ascii: "["))
            if pretty { out.append(UInt8(ascii: "\n")) }
            for (i, item) in items.enumerated() {
                if pretty { Self.pad(&out, indent + 1) }
                item.write(into: &out, pretty: pretty, indent: indent + 1)
                if i < items.count - 1 { out.append(UInt8(ascii: ",")) }
                if pretty { out.append(UInt8(ascii: "\n")) }
            }
            if pretty { Self.pad(&out, indent) }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { Self.append(&out, "{}"); return }
            out.append(UInt8(ascii: "{"))
            if pretty { out.append(UInt8(ascii: "\n")) }
            for (i, (key, value)) in pairs.enumerated() {
                if pretty { Self.pad(&out, indent + 1) }
                JSONValue.escape(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                value.write(into: &out, pretty: pretty, indent: indent + 1)
                if i < pairs.count - 1 { out.append(UInt8(ascii: ",")) }
                if pretty { out.append(UInt8(ascii: "\n")) }
            }
            if pretty { Self.pad(&out, indent) }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The most characters of one string (a value or a key) the output holds; a longer one is cut and ends
    /// with `…`. Store text is hostile: a 1 MB name must not make a 1 MB line.
    public static let stringLimit = 1000

    /// A JSON string literal. Besides what JSON requires (quote, backslash, C0 controls), DEL, C1 controls
    /// (`\u009b`), bidirectional controls (`\u202e`), every other format character (`\u200d`, `\ufeff`, joiners
    /// included) and noncharacters (`\ufffe`) are written as `\uXXXX` (`TextSafety`), so the text is safe to print on a terminal and reads back the same (up to the cut).
    static func escape(_ s: String, into out: inout [UInt8]) {
        // ASCII text within the limit (nearly every value): byte by byte. Below U+0080 only the C0 controls and DEL
        // are unsafe, and the cut cannot apply (a character is at least a byte).
        if s.utf8.count <= stringLimit, !s.utf8.contains(where: { $0 >= 0x80 }) {
            out.append(UInt8(ascii: "\""))
            for byte in s.utf8 {
                switch byte {
                case UInt8(ascii: "\""): append(&out, "\\\"")
                case UInt8(ascii: "\\"): append(&out, "\\\\")
                case UInt8(ascii: "\n"): append(&out, "\\n")
                case UInt8(ascii: "\r"): append(&out, "\\r")
                case UInt8(ascii: "\t"): append(&out, "\\t")
                case 0..<0x20, 0x7F:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    append(&out, "\\u00")
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0xF)])
                default: out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
            return
        }
        var text = ""
        escape(s, into: &text)
        out.append(contentsOf: text.utf8)
    }

    /// A JSON string literal of any text, scalar by scalar (what `escape(_:into:)` of bytes does for ASCII text).
    static func escape(_ s: String, into out: inout String) {
        out += "\""
        for scalar in TextSafety.bounded(s, limit: stringLimit).unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where TextSafety.isUnsafe(scalar, inCluster: false):
                if scalar.value > 0xFFFF {
                    // Outside the BMP (tags): a UTF-16 surrogate pair, as JSON spells such characters.
                    let v = scalar.value - 0x10000
                    out += String(format: "\\u%04x\\u%04x", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF))
                } else {
                    out += String(format: "\\u%04x", scalar.value)
                }
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
