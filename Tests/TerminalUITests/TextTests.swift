import Testing
import Foundation
@testable import TerminalUI

@Suite struct DisplayWidthTests {
    @Test func asciiAndCJK() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("ｱ") == 1)  // halfwidth katakana
        #expect(DisplayWidth.of("Ａ") == 2)  // fullwidth A
        #expect(DisplayWidth.of("한국") == 4)
    }

    @Test func emoji() {
        #expect(DisplayWidth.of("📞") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
        #expect(DisplayWidth.of("🇫🇷") == 2)
        #expect(DisplayWidth.of("☎️") == 2)  // text-default emoji with VS16
        #expect(DisplayWidth.of("☎") == 1)
    }

    @Test func combiningMarksAndZeroWidth() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("Ame\u{301}lie") == 6)
        #expect(DisplayWidth.of("\u{301}") == 0)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
    }

    @Test func controlsCountAsTheirReplacement() {
        #expect(DisplayWidth.of("\u{1b}") == 1)
    }

    /// The one-column fast paths (single code points of Latin-1 and Latin Extended, box drawing, blocks,
    /// braille; strings of printable ASCII) give what the general rules give.
    @Test func fastPathsMatchTheGeneralRules() {
        for range in [0xA0...0x2FF, 0x2010...0x2027, 0x2190...0x21FF, 0x2500...0x259F, 0x25A0...0x25FC, 0x2800...0x28FF, 0x20...0x7E] {
            for v in range {
                let c = Character(Unicode.Scalar(UInt32(v))!)
                #expect(DisplayWidth.of(c) == DisplayWidth.generalWidth(c), "U+\(String(v, radix: 16))")
                #expect(DisplayWidth.of(c) == 1)
            }
        }
        for text in ["", "Total 12,345", "▸ Status ▾ ─┐ …", "a\u{301}b", "\r\nx", "x\u{7F}", "漢字", "─┐", String(repeating: "ab ", count: 50)] {
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.generalWidth($1) }, "\(text.debugDescription)")
        }
    }

    /// Each of those code points is a grapheme cluster of its own next to any other of them (what the grid's
    /// scalar-by-scalar path relies on): every pair, both ways round.
    @Test func simpleScalarsNeverJoin() {
        let simple = (0x20...0x2FFF).compactMap { Unicode.Scalar(UInt32($0)) }
            .filter { (0x20..<0x7F).contains($0.value) || DisplayWidth.isSimpleOneColumn($0) }
        #expect(simple.count > 1000)
        for a in simple {
            var view = String.UnicodeScalarView()
            for b in simple { view.append(a); view.append(b) }
            #expect(String(view).count == 2 * simple.count, "U+\(String(a.value, radix: 16))")
        }
    }

    @Test func truncateWithEllipsis() {
        #expect(DisplayWidth.truncate("Collections Q", toWidth: 8) == "Collect…")
        #expect(DisplayWidth.truncate("Collections Q", toWidth: 8, ellipsis: "~") == "Collect~")
        #expect(DisplayWidth.truncate("short", toWidth: 8) == "short")
        #expect(DisplayWidth.truncate("東京都庁", toWidth: 6) == "東京…")
        #expect(DisplayWidth.truncate("東京都庁", toWidth: 4) == "東…")
        #expect(DisplayWidth.truncate("abc", toWidth: 0) == "")
        #expect(DisplayWidth.truncate("abc", toWidth: 1, ellipsis: "...") == "a")
        #expect(DisplayWidth.truncate("abcdef", toWidth: 4, ellipsis: "...") == "a...")
    }

    @Test func pad() {
        #expect(DisplayWidth.pad("東", toWidth: 4, alignment: .right) == "  東")
        #expect(DisplayWidth.pad("ab", toWidth: 5, alignment: .center) == " ab  ")
    }
}

@Suite struct SafeTextTests {
    @Test func escapeSequencesAreNeutralised() {
        #expect(SafeText.sanitize("\u{1b}[31mred") == "\u{FFFD}[31mred")
        #expect(SafeText.sanitize("\u{1b}[31mred", ascii: true) == "?[31mred")
        #expect(SafeText.sanitize("a\u{9b}2Jb") == "a\u{FFFD}2Jb")  // 8-bit CSI (C1)
        #expect(SafeText.sanitize("a\u{7f}b\u{0}c") == "a\u{FFFD}b\u{FFFD}c")
        #expect(SafeText.sanitize("\u{1b}]0;title\u{7}") == "\u{FFFD}]0;title\u{FFFD}")
    }

    @Test func whitespaceControlsBecomeSpaces() {
        #expect(SafeText.sanitize("a\tb\r\nc\nd") == "a b c d")
    }

    @Test func bidiOverridesAreReplaced() {
        #expect(SafeText.sanitize("ab\u{202E}cd") == "ab\u{FFFD}cd")
    }

    @Test func printableTextIsKept() {
        #expect(SafeText.sanitize("Collections Q") == "Collections Q")
        #expect(SafeText.sanitize("東京 📞 é") == "東京 📞 é")
        #expect(SafeText.sanitize("東京 é", ascii: true) == "?? e")
        // Accents go, a few letters and punctuation get their plain forms; what has none stays a question mark.
        #expect(SafeText.sanitize("Zürich – Café “Ærø” Łódź Straße…", ascii: true) == "Zurich - Cafe \"AEro\" Lodz Strasse...")
        #expect(SafeText.sanitize("Ñandú 📞 Ω", ascii: true) == "Nandu ? ?")
        #expect(SafeText.sanitize("e\u{301}", ascii: true) == "e")  // e + combining acute: one character
    }
}

@Suite struct NumberFormatTests {
    @Test func grouped() {
        #expect(NumberFormat.grouped(0) == "0")
        #expect(NumberFormat.grouped(999) == "999")
        #expect(NumberFormat.grouped(1000) == "1,000")
        #expect(NumberFormat.grouped(12345) == "12,345")
        #expect(NumberFormat.grouped(1_234_567) == "1,234,567")
        #expect(NumberFormat.grouped(-12345) == "-12,345")
        #expect(NumberFormat.grouped(Int.min) == "-9,223,372,036,854,775,808")
        #expect(NumberFormat.grouped(Int.max) == "9,223,372,036,854,775,807")
    }

    /// The byte writer and the width counter agree with grouping the decimal digits by hand, at every length.
    @Test func groupedMatchesReferenceAndWidth() {
        func reference(_ n: Int) -> String {
            let digits = Array(String(n.magnitude))
            var out = ""
            for (i, ch) in digits.enumerated() {
                if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
                out.append(ch)
            }
            return n < 0 ? "-" + out : out
        }
        var values = [0, 1, -1, 9, 10, 99, 100, 999, 1000, -1000, 9999, 10_000, 999_999, 1_000_000, Int.max, Int.min]
        var p = 1
        for _ in 0..<18 { p *= 10; values += [p - 1, p, p + 1, -p, -(p - 1)] }
        for n in values {
            #expect(NumberFormat.grouped(n) == reference(n))
            #expect(NumberFormat.groupedWidth(n) == reference(n).count)
        }
    }

    @Test func percent() {
        #expect(NumberFormat.percent(0.842) == "84.2%")
        #expect(NumberFormat.percent(967, of: 1234) == "78.4%")
        #expect(NumberFormat.percent(0, of: 0) == "0.0%")
        #expect(NumberFormat.percent(1.0) == "100.0%")
        #expect(NumberFormat.percent(0.00049) == "0.0%")
        #expect(NumberFormat.percent(0.5, decimals: 0) == "50%")
    }

    @Test func compact() {
        #expect(NumberFormat.compact(999) == "999")
        #expect(NumberFormat.compact(1000) == "1k")
        #expect(NumberFormat.compact(1500) == "1.5k")
        #expect(NumberFormat.compact(12_345) == "12.3k")
        #expect(NumberFormat.compact(123_456) == "123k")
        #expect(NumberFormat.compact(1_250_000) == "1.2M")
    }

    @Test func duration() {
        #expect(NumberFormat.duration(seconds: 45) == "45s")
        #expect(NumberFormat.duration(seconds: 720) == "12m")
        #expect(NumberFormat.duration(seconds: 9600) == "2h 40m")
        #expect(NumberFormat.duration(seconds: 7200) == "2h")
        #expect(NumberFormat.duration(seconds: 273_600) == "3d 4h")
    }
}

@Suite struct ClockTextTests {
    /// The offset arithmetic gives what a Gregorian calendar in the zone gives, across DST changes, 30- and
    /// 45-minute offsets, historical local mean time and instants before 1970.
    @Test func matchesTheCalendar() throws {
        let zones = ["UTC", "America/New_York", "Europe/London", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe",
                     "Pacific/Chatham", "America/St_Johns", "Africa/Monrovia"]
        var random = SystemRandomNumberGenerator()
        for name in zones {
            let zone = try #require(TimeZone(identifier: name))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            var instants: [Double] = [0, -1, 1_711_846_799, 1_711_846_800, 1_730_595_600, -2_208_988_800, 1_800_000_000.75]
            for _ in 0..<200 { instants.append(Double(Int64.random(in: -3_000_000_000...4_000_000_000, using: &random))) }
            for t in instants {
                let date = Date(timeIntervalSince1970: t)
                let c = calendar.dateComponents([.hour, .minute, .second], from: date)
                let expected = String(format: "%02d:%02d:%02d", c.hour ?? -1, c.minute ?? -1, c.second ?? -1)
                #expect(ClockText.time(date, in: zone) == expected, "\(name) \(t)")
            }
        }
        #expect(ClockText.time(Date(timeIntervalSince1970: .nan), in: .gmt) == "--:--:--")
    }
}
