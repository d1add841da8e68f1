import Foundation
import Testing
@testable import DashboardModel

@Suite("Text safety: the unsafe characters, bounded values, the JSON writer's escapes")
struct TextSafetyTests {
    @Test func controlsBidiAndFormatCharactersAreUnsafe() {
        for v: UInt32 in [0x00, 0x07, 0x08, 0x0D, 0x1B, 0x7F, 0x80, 0x9B, 0x9F, 0x202A, 0x202E, 0x2066, 0x2069, 0x200E,
                          0x200F, 0x061C, 0x200B, 0xFEFF, 0x00AD, 0x2060, 0x2028, 0x2029, 0xFFFE, 0xFFFF, 0xFDD0, 0x10FFFF] {
            #expect(TextSafety.isUnsafe(Unicode.Scalar(v)!, inCluster: false), "U+\(String(v, radix: 16))")
        }
        for v: UInt32 in [0x20, 0x41, 0x7E, 0xA0, 0xE9, 0x2764, 0xFE0F, 0x1F468, 0x301] {
            #expect(!TextSafety.isUnsafe(Unicode.Scalar(v)!, inCluster: false), "U+\(String(v, radix: 16))")
        }
    }

    @Test func aJoinerIsSafeOnlyInsideACluster() {
        #expect(!TextSafety.isUnsafe(Character("\u{1F468}\u{200D}\u{1F469}")))
        #expect(TextSafety.isUnsafe(Character("\u{200D}")))
        #expect(TextSafety.isUnsafe(Unicode.Scalar(0x202E)!, inCluster: true), "a bidi override is unsafe even after a base")
    }

    @Test func boundedCutsLongValuesByCharacters() {
        #expect(TextSafety.bounded("short") == "short")
        let long = String(repeating: "é", count: 300)
        let cut = TextSafety.bounded(long)
        #expect(cut.count == TextSafety.valueLimit)
        #expect(cut.hasSuffix("…"))
        // 200 characters of 4 bytes each are not cut.
        let wide = String(repeating: "\u{1F468}", count: 200)
        #expect(TextSafety.bounded(wide) == wide)
        #expect(TextSafety.quoted(String(repeating: "x", count: 1_000_000)).count == TextSafety.valueLimit + 2)
    }

    @Test func jsonEscapesC1BidiAndFormatCharactersAndReadsBackTheSame() throws {
        let text = "a\u{1B}]0;t\u{07}b\u{9B}6n\u{202E}c\u{2066}d\u{200D}e\u{FEFF}f\u{E0041}g\u{7F}\u{2028}"
        let json = JSONValue.object([("k\u{9B}", .string(text))]).serialized()
        for escape in ["\\u001b", "\\u0007", "\\u009b", "\\u202e", "\\u2066", "\\u200d", "\\ufeff", "\\udb40\\udc41",
                       "\\u007f", "\\u2028", "\"k\\u009b\""] {
            #expect(json.contains(escape), "\(escape) missing in \(json)")
        }
        #expect(json.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }, "\(json)")
        let back = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String])
        #expect(back["k\u{9B}"] == text)
    }

    @Test func jsonCutsAHugeString() throws {
        let json = JSONValue.array([.string(String(repeating: "x", count: 1_000_000))]).serialized()
        #expect(json.count < JSONValue.stringLimit + 10)
        let back = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String])
        #expect(back.first?.count == JSONValue.stringLimit)
        #expect(back.first?.hasSuffix("…") == true)
    }

    @Test func filterErrorsCarryTheValuesTyped() {
        var request = FilterRequest()
        let given = String(repeating: "z", count: 5000)
        request.values = [.status: [given]]
        let known: [FilterDimension: [(value: String, label: String)]] = [
            .status: [(String(repeating: "q", count: 5000), String(repeating: "n", count: 5000))],
        ]
        let error = #expect(throws: FilterError.self) { try FilterValidator.validate(request, known: known) }
        let accepted = FilterValidator.acceptedValues(.status, known: known[.status] ?? [])
            .map { AcceptedValue(value: $0.value, label: $0.label) }
        #expect(accepted.count == DeliveryStatus.known.count + 1)
        #expect(error == .unknownValue(.status, given: given, accepted: accepted))
    }
}
