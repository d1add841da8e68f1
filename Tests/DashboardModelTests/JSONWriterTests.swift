import Foundation
import Testing
@testable import DashboardModel

/// The JSON writer writes bytes into one buffer (ASCII strings byte by byte, numbers without Foundation's
/// formatter); its text must be the one the string-building writer it replaced gave, kept here as the reference:
/// hostile text, every kind of number, nesting, pretty and compact.
@Suite struct JSONWriterTests {
    /// The writer as it was before the byte buffer (string appends, `String(i)`, `String(format: "%.4f")`).
    static func reference(_ value: JSONValue, pretty: Bool, indent: Int = 0) -> String {
        var out = ""
        let newline = pretty ? "\n" : ""
        let pad = { (level: Int) in pretty ? String(repeating: "  ", count: level) : "" }
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? String(format: "%.4f", d) : "null"
        case .string(let s): JSONValue.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { return "[]" }
            out += "[" + newline
            for (i, item) in items.enumerated() {
                out += pad(indent + 1) + reference(item, pretty: pretty, indent: indent + 1)
                out += (i < items.count - 1 ? "," : "") + newline
            }
            out += pad(indent) + "]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            out += "{" + newline
            for (i, (key, item)) in pairs.enumerated() {
                out += pad(indent + 1)
                JSONValue.escape(key, into: &out)
                out += pretty ? ": " : ":"
                out += reference(item, pretty: pretty, indent: indent + 1)
                out += (i < pairs.count - 1 ? "," : "") + newline
            }
            out += pad(indent) + "}"
        }
        return out
    }

    static let strings: [String] = [
        "", "Payment Reminder", "a \"quoted\" \\ back\\slash", "tab\there\r\nnew line", "nul\u{0}byte", "esc\u{1b}[31mred",
        "del\u{7f}", "c1\u{9b}31m", "bidi\u{202e}txet", "zwj👩‍💻 joined", "bom\u{feff}", "nonchar\u{fffe}", "tag\u{e0041}",
        "é accented", "日本語", String(repeating: "x", count: 999), String(repeating: "y", count: 1000),
        String(repeating: "z", count: 1001), String(repeating: "é", count: 600), String(repeating: "ab\u{1}", count: 400),
        "(Blank)", "2026-11-01", "\u{7e}\u{20}\u{21}",
    ]
    static let doubles: [Double] = [
        0, -0.0, 1, 0.5, 1.0 / 3, 2.0 / 3, 0.00005, 0.00015, 0.00025, 0.12345, 0.99995, 123.45675, -7.25, 1e-10, 1e15,
        1e300, -1e300, .greatestFiniteMagnitude, .leastNonzeroMagnitude, .nan, .infinity, -.infinity, 0.03, 0.1036,
    ]
    static let ints: [Int] = [0, 1, -1, 9, 10, 99, 100, 12_345, -98_765, Int(Int32.max), Int.max, Int.min, Int.min + 1]

    static var document: JSONValue {
        .object([
            ("strings", .array(strings.map { .string($0) })),
            ("doubles", .array(doubles.map { .double($0) })),
            ("ints", .array(ints.map { .int($0) })),
            ("flags", .array([.bool(true), .bool(false), .null])),
            ("empty", .object([("array", .array([])), ("object", .object([]))])),
            ("nested", .array([.object(strings.prefix(8).map { ($0, .array([.int(1), .object([($0, .string($0))])])) })])),
        ])
    }

    @Test func bytesEqualTheReferenceWriter() {
        for pretty in [true, false] {
            let expected = Self.reference(Self.document, pretty: pretty)
            #expect(Self.document.serialized(pretty: pretty) == expected, "pretty \(pretty)")
            #expect(Self.document.serializedBytes(pretty: pretty) == Array(expected.utf8))
            for s in Self.strings {
                #expect(JSONValue.string(s).serialized() == Self.reference(.string(s), pretty: false), "\(s.debugDescription)")
            }
            for d in Self.doubles {
                #expect(JSONValue.double(d).serialized() == Self.reference(.double(d), pretty: false), "\(d)")
            }
            for i in Self.ints {
                #expect(JSONValue.int(i).serialized() == String(i))
            }
        }
    }
}

@Suite struct FixedDecimalTests {
    /// The integer arithmetic writes what the C library's `%.4f` writes: ties of every kind (exact in binary and
    /// not), negatives and negative zero, subnormals, integers, random values of every scale up to the limit.
    @Test func matchesTheCLibrary() {
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 0.00005, 0.00015, 0.00025, 0.00125, 1.00005, 2.5e-5, 1.23445,
                                0.1, 0.2, 0.3, 2.0 / 3, 1.0 / 3, 99.99995, 0.99995, 123456.78905, .leastNonzeroMagnitude,
                                .leastNormalMagnitude, 1e-20, 9.99999999e14, -9.99999999e14, 4503599627370496.0 / 8]
        for k in 0..<2_000 { values.append(Double(k) / 20_000) ; values.append(Double(k) * 0.00005 + 0.5) }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let scale = pow(10.0, Double(Int.random(in: -12...14, using: &random)))
            values.append(Double.random(in: -1...1, using: &random) * scale)
        }
        for v in values {
            var out: [UInt8] = []
            #expect(FixedDecimal.appendFixed4(v, into: &out))
            #expect(String(decoding: out, as: UTF8.self) == String(format: "%.4f", v), "\(v)")
        }
        var out: [UInt8] = []
        #expect(!FixedDecimal.appendFixed4(1e15, into: &out) && !FixedDecimal.appendFixed4(.nan, into: &out) && out.isEmpty)
        JSONValue.appendFixed4(1e300, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == String(format: "%.4f", 1e300))
    }
}

@Suite struct ISOTimeTests {
    @Test func matchesTheFormattedFields() {
        var random = SystemRandomNumberGenerator()
        var instants: [Int64] = [0, -1, 59, 86_399, 86_400, 1_764_547_199, -2_208_988_800]
        for _ in 0..<500 { instants.append(Int64.random(in: -5_000_000_000...5_000_000_000, using: &random)) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        for t in instants {
            let date = Date(timeIntervalSince1970: TimeInterval(t))
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0,
                                  c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
            #expect(ISOTime.format(date) == expected, "\(t)")
        }
    }
}
