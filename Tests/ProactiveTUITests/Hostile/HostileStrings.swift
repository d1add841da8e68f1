import DashboardModel
@testable import ProactiveTUI

/// The hostile strings of issue 10's campaign: each is put in every text column and rendered through every
/// output path; `HostileText.violations` says what of it, if anything, reached an output unsafe.
enum HostileText {
    static let megabyte = String(repeating: "M", count: 1_000_000)

    static let table: [(name: String, value: String)] = [
        ("OSC title", "Payment \u{1B}]0;pwned title\u{07} Reminder"),
        ("OSC 52 clipboard", "Q\u{1B}]52;c;cm0gLXJmIH4K\u{1B}\\ end"),
        ("DSR request", "Status\u{1B}[6n"),
        ("SGR colour", "\u{1B}[31mred\u{1B}[0m"),
        ("C1 CSI", "Collections\u{9B}2J Q"),
        ("C1 OSC", "x\u{9D}0;t\u{9C}y"),
        ("lone ESC", "Lone \u{1B} escape"),
        ("BEL", "Bell\u{07}\u{07}"),
        ("backspace", "Over\u{08}\u{08}\u{08}written"),
        ("CR", "Carriage\rReturn"),
        ("DEL", "Del\u{7F}ete"),
        ("bidi override", "abc\u{202E}fedcba\u{202C}z"),
        ("bidi isolates", "\u{2066}iso\u{2069}\u{2067}rtl\u{2069}\u{200F}"),
        ("zero-width joiners", "Ze\u{200D}ro\u{200D}\u{200D}Width\u{200B}\u{FEFF}\u{2060}"),
        ("1 MB value", megabyte),
        ("flag", "Flag \u{1F1FA}\u{1F1F8} calls"),
        ("VS16 heart", "Heart \u{2764}\u{FE0F} calls"),
        ("keycap", "Keycap 1\u{FE0F}\u{20E3} calls"),
        ("ZWJ family", "Family \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} calls"),
        ("mixed", "\u{FFFD}\u{FFFE}?\u{85}\u{2028}line\u{2029}sep\u{AD}\u{E0041}\u{1B}P+q\u{1B}\\"),
    ]

    /// The longest line any output may have (`Console.lineLimit`, and JSON strings are cut at 1000 characters,
    /// each escape at most 12 bytes).
    static let lineBound = 12_000

    /// Every C0 control but the line feed, DEL, every C1 control, every bidirectional control, every format
    /// character that is not a joiner inside a cluster, noncharacters; and lines longer than `lineBound`.
    static func violations(in output: String, lineBound: Int = lineBound) -> [String] {
        var found: [String] = []
        for (number, line) in output.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.unicodeScalars.count > lineBound { found.append("line \(number + 1) has \(line.unicodeScalars.count) code points") }
            for character in line {
                var first = true
                for scalar in character.unicodeScalars {
                    let v = scalar.value
                    let control = v < 0x20 || (0x7F...0x9F).contains(v)
                    let bidi = (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
                    let format = scalar.properties.generalCategory == .format
                        && !(!first && (v == 0x200D || v == 0x200C || (0xE0020...0xE007F).contains(v)))
                    let unassigned = v >= 0x378 && scalar.properties.generalCategory == .unassigned
                    if control || bidi || format || unassigned || v == 0x2028 || v == 0x2029 {
                        found.append("line \(number + 1): U+\(String(v, radix: 16, uppercase: true))")
                    }
                    first = false
                }
            }
            if found.count > 20 { break }
        }
        return found
    }
}
