import Foundation
import Testing

@testable import DashboardModel

/// `RecordFields.plainInteger` reads whole numbers from the file's bytes; whatever it reads must be what the slow
/// rule (`Int64(text.trimmingCharacters(in: .whitespaces))`) reads, and what it declines goes the slow way.
@Suite struct WholeNumberFieldTests {
    private func fast(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { RecordFields.plainInteger($0.baseAddress!, 0, $0.count) }
    }

    private func slow(_ text: String) -> Int64? { Int64(text.trimmingCharacters(in: .whitespaces)) }

    @Test func readsTheUsualForms() {
        #expect(fast("0") == 0)
        #expect(fast("12") == 12)
        #expect(fast(" 7\t") == 7)
        #expect(fast("-42") == -42)
        #expect(fast("+5") == 5)
        #expect(fast("999999999999999999") == 999_999_999_999_999_999)
    }

    @Test func declinesWhatItCannotBeSureOf() {
        for text in ["", " ", "-", "+", "1.5", "1e3", "12a", "- 1", "1 2", "0x10", "9223372036854775807",
                     "1234567890123456789", "\u{00A0}3", String(repeating: " ", count: 70) + "1"] {
            #expect(fast(text) == nil, "\(text.debugDescription)")
        }
    }

    @Test func agreesWithTheSlowRuleOnRandomText() {
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789 \t+-.e")
        for _ in 0..<20_000 {
            let text = String((0..<Int.random(in: 0...22, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            if let n = fast(text) { #expect(n == slow(text), "\(text.debugDescription)") }
            if slow(text) != nil, text.filter(\.isNumber).count <= 18 { #expect(fast(text) == slow(text), "\(text.debugDescription)") }
        }
    }
}
