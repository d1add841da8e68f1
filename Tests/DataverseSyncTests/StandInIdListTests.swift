@testable import DataverseStandIn
import Foundation
import Testing

/// The stand-in reads an `In` list's ids as bytes and finds GUIDs by their bits: the same ids, the same rows, as
/// reading them as text.
@Suite struct StandInIdListTests {
    static func byBytes(_ list: String) -> [String] {
        var ids: [String] = []
        StandInFilter.forEachString(list) { ids.append(String(decoding: $0, as: UTF8.self)) }
        return ids
    }

    @Test func idsReadAsBytesAreTheIdsReadAsText() {
        var lists = ["['a','b']", "[\"x\",'y''z']", "['unterminated", "[]", "", "''''", "['',\"\"]", "['it''s', 'caf\u{e9}']",
                     "['A1B2C3D4-0000-4000-A000-00000000000F','x''''y']"]
        // And lists made at random of quotes, commas, brackets, letters and spaces.
        var seed: UInt64 = 42
        let alphabet = Array("'\",[] ab-'")
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int(seed % 24) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                text.append(alphabet[Int(seed >> 33) % alphabet.count])
            }
            lists.append(text)
        }
        for list in lists { #expect(Self.byBytes(list) == StandInFilter.strings(list), "\(list)") }
    }

    @Test func aGUIDIsFoundByItsBitsInEitherCaseAndAnyOtherIdAsText() {
        let table = StandInTable(entitySet: "things", keyColumn: "thingid", columns: [])
        let guid = "abcdef01-2345-4678-9abc-def012345678"
        table.put(id: guid.uppercased(), json: Array("{}".utf8), modifiedOn: 0, seq: 1)
        table.put(id: "not-a-guid", json: Array("{}".utf8), modifiedOn: 0, seq: 2)
        func find(_ id: String) -> Int? {
            var id = id
            return id.withUTF8 { table.position(ofBytes: $0) }
        }
        #expect(find(guid) == 0 && find(guid.uppercased()) == 0 && table.position(of: guid) == 0)
        #expect(find("not-a-guid") == 1 && find("NOT-A-GUID") == 1)
        #expect(find("abcdef01-2345-4678-9abc-def012345679") == nil && find("abcdef0123454678-9abc-def012345678") == nil)
        #expect(StandInGUIDKey("abcdef01-2345-4678-9abc-def01234567g") == nil && StandInGUIDKey("abcdef01") == nil)
        #expect(table.delete(id: guid, seq: 3))
        #expect(find(guid) == nil && find("not-a-guid") == 1)
        // Made again: a new position, found by its bits.
        table.put(id: guid, json: Array("{}".utf8), modifiedOn: 0, seq: 4)
        #expect(find(guid.uppercased()) == 2)
    }
}
