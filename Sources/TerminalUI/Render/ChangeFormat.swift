/// The change from the previous period, as the header, tiles and tables show it: `▲ 4.2%`, `▼ 12`, `= 0`; in ASCII
/// `+4.2%`, `-12`, `=0`. The arrow (or sign) says the direction without colour.
public enum ChangeFormat {
    /// A count's change in percent of the previous count: `▲ 4.2%`; `▲ new` when the previous period had none.
    public static func percent(_ current: Int, from previous: Int, ascii: Bool) -> String {
        if current == previous { return mark(0, ascii: ascii) + "0%" }
        guard previous != 0 else { return mark(1, ascii: ascii) + "new" }
        let change = Double(current - previous) / Double(previous)
        return mark(current - previous, ascii: ascii) + NumberFormat.percent(abs(change))
    }

    /// A count's change in units: `▲ 12`, `▼ 1,200`, `= 0`.
    public static func count(_ current: Int, from previous: Int, ascii: Bool) -> String {
        mark(current - previous, ascii: ascii) + NumberFormat.grouped(abs(current - previous))
    }

    /// A rate's change in percentage points: `▲ 1.2pt`; nil when either rate is unknown.
    public static func points(_ current: Double?, from previous: Double?, ascii: Bool) -> String? {
        guard let current, let previous else { return nil }
        let tenths = ((current - previous) * 1000).rounded()
        return mark(Int(tenths), ascii: ascii) + NumberFormat.fixed(abs(tenths) / 10, decimals: 1) + "pt"
    }

    /// `▲ `, `▼ `, `= ` (ASCII `+`, `-`, `=`) for the sign of `delta`.
    static func mark(_ delta: Int, ascii: Bool) -> String {
        switch (delta.signum(), ascii) {
        case (1, false): "▲ "
        case (-1, false): "▼ "
        case (_, false): "= "
        case (1, true): "+"
        case (-1, true): "-"
        default: "="
        }
    }
}
