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
        var out = ""
        write(into: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(into out: inout String, pretty: Bool, indent: Int) {
        let newline = pretty ? "\n" : ""
        let pad = { (level: Int) in pretty ? String(repeating: "  ", count: level) : "" }
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? String(format: "%.4f", d) : "null"
        case .string(let s): JSONValue.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[" + newline
            for (i, item) in items.enumerated() {
                out += pad(indent + 1)
                item.write(into: &out, pretty: pretty, indent: indent + 1)
                out += (i < items.count - 1 ? "," : "") + newline
            }
            out += pad(indent) + "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{" + newline
            for (i, (key, value)) in pairs.enumerated() {
                out += pad(indent + 1)
                JSONValue.escape(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(into: &out, pretty: pretty, indent: indent + 1)
                out += (i < pairs.count - 1 ? "," : "") + newline
            }
            out += pad(indent) + "}"
        }
    }

    /// The most characters of one string (a value or a key) the output holds; a longer one is cut and ends
    /// with `…`. Store text is hostile: a 1 MB name must not make a 1 MB line.
    public static let stringLimit = 1000

    /// A JSON string literal. Besides what JSON requires (quote, backslash, C0 controls), DEL, C1 controls
    /// (`\u009b`), bidirectional controls (`\u202e`), every other format character (`\u200d`, `\ufeff`, joiners
    /// included) and noncharacters (`\ufffe`) are written as `\uXXXX` (`TextSafety`), so the text is safe to print on a terminal and reads back the same (up to the cut).
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
