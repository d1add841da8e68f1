/// Number formatting for the dashboard, fixed (not locale-dependent) so screens and tests are stable:
/// `12,345`, `84.2%`, `12.3k`, `2h 40m`.
public enum NumberFormat {
    /// Thousands separated by commas: `12345` → `12,345`.
    /// Written backwards into a fixed buffer of bytes: no intermediate strings.
    public static func grouped(_ n: Int) -> String {
        // 19 digits, 6 commas and a sign at most.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            var at = buffer.count
            var rest = n.magnitude
            var written = 0
            repeat {
                if written > 0 && written % 3 == 0 { at -= 1; buffer[at] = UInt8(ascii: ",") }
                at -= 1
                buffer[at] = UInt8(truncatingIfNeeded: 48 + rest % 10)
                rest /= 10
                written += 1
            } while rest > 0
            if n < 0 { at -= 1; buffer[at] = UInt8(ascii: "-") }
            return String(decoding: UnsafeMutableBufferPointer(rebasing: buffer[at...]), as: UTF8.self)
        }
    }

    /// The columns `grouped(n)` takes, without writing it.
    public static func groupedWidth(_ n: Int) -> Int {
        var digits = 1
        var rest = n.magnitude
        while rest >= 10 { rest /= 10; digits += 1 }
        return digits + (digits - 1) / 3 + (n < 0 ? 1 : 0)
    }

    /// A fraction 0...1 as a percent with `decimals` places: `0.842` → `84.2%`.
    public static func percent(_ fraction: Double, decimals: Int = 1) -> String {
        guard fraction.isFinite else { return "–%" }
        return fixed(fraction * 100, decimals: decimals) + "%"
    }

    /// `part` of `whole` as a percent; `0.0%` when `whole` is zero.
    public static func percent(_ part: Int, of whole: Int, decimals: Int = 1) -> String {
        percent(whole == 0 ? 0 : Double(part) / Double(whole), decimals: decimals)
    }

    /// Short counts for axes: `999`, `1k`, `1.5k`, `12.3k`, `123k`, `1.2M`, `3.4G`.
    public static func compact(_ n: Int) -> String {
        let a = n.magnitude
        let sign = n < 0 ? "-" : ""
        if a < 1000 { return sign + String(a) }
        let units: [(Double, String)] = [(1e9, "G"), (1e6, "M"), (1e3, "k")]
        for (scale, suffix) in units where Double(a) >= scale {
            let v = Double(a) / scale
            let text: String
            if v >= 100 { text = String(Int(v.rounded(.down))) } else {
                let tenths = (v * 10).rounded(.down) / 10
                text = tenths == tenths.rounded(.down) ? String(Int(tenths)) : fixed(tenths, decimals: 1)
            }
            return sign + text + suffix
        }
        return sign + String(a)
    }

    /// A duration in seconds, two units at most: `45s`, `12m`, `2h 40m`, `3d 4h`.
    public static func duration(seconds: Int) -> String {
        let s = max(0, seconds)
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 { let m = (s % 3600) / 60; return m == 0 ? "\(s / 3600)h" : "\(s / 3600)h \(m)m" }
        let h = (s % 86_400) / 3600
        return h == 0 ? "\(s / 86_400)d" : "\(s / 86_400)d \(h)h"
    }

    /// `value` with exactly `decimals` decimals, rounded half away from zero, without Foundation formatting.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let frac = Int(scaled - Double(whole) * scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(whole) }
        let fracText = String(frac)
        return sign + String(whole) + "." + String(repeating: "0", count: decimals - fracText.count) + fracText
    }
}
