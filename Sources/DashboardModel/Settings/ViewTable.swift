/// A view as the text of its `[views.NAME]` table, from the dashboard's filters: what the dashboard's "save view"
/// writes. Values are TOML basic strings with every control character escaped, so any value the store holds
/// (hostile text included) reads back as itself.
public enum ViewTable {
    /// The view's keys for `filters`, in the flags' order. The date range as `last`, `from`/`to` or `all-dates`; the
    /// zone always (a view means the same days wherever it is opened); each list filter that is not all, with
    /// direction only when it is not the default (`Outgoing`), and `direction = ["all"]` when it was cleared.
    public static func entries(for filters: DashboardFilters) -> [SavedView.Entry] {
        var out: [SavedView.Entry] = []
        switch filters.range {
        case .lastDays(let n): out.append(.init(key: .last, value: .number(n)))
        case .between(let a, let b):
            out.append(.init(key: .from, value: .text(a.iso)))
            out.append(.init(key: .to, value: .text(b.iso)))
        case .all: out.append(.init(key: .allDates, value: .flag(true)))
        }
        out.append(.init(key: .tz, value: .text(filters.timeZone)))
        for key in ViewKey.allCases {
            guard let dimension = key.dimension else { continue }
            let selected = filters.selected(dimension).sorted()
            if dimension == .direction {
                if selected.isEmpty { out.append(.init(key: key, value: .list(["all"]))) }
                else if selected != [Direction.outgoing.label] { out.append(.init(key: key, value: .list(selected))) }
            } else if !selected.isEmpty {
                out.append(.init(key: key, value: .list(selected)))
            }
        }
        return out
    }

    /// `[views.NAME]` and one line per key (no trailing newline).
    public static func text(name: String, entries: [SavedView.Entry]) -> String {
        var lines = ["[views.\(name)]"]
        for entry in entries { lines.append(entry.key.rawValue + " = " + literal(entry.value)) }
        return lines.joined(separator: "\n")
    }

    static func literal(_ value: ViewValue) -> String {
        switch value {
        case .text(let s): quoted(s)
        case .number(let n): String(n)
        case .flag(let on): on ? "true" : "false"
        case .list(let items): "[" + items.map(quoted).joined(separator: ", ") + "]"
        }
    }

    /// A TOML basic string.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
