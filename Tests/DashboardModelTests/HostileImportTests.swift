import Foundation
import Testing

@testable import DashboardModel

/// Input that used to import silently wrong, now refused with its location: short CSV rows, NUL bytes, invalid
/// UTF-8, half surrogate pairs, and timestamps outside 2000-01-01..2100-12-31 UTC.
@Suite struct HostileImportTests {
    let header = "msdyn_delivery_id,createdon,msdyn_status,msdyn_queue_id\n"

    @Test func aCSVRowWithFewerFieldsThanTheHeaderIsRefused() {
        let text = header + "d1,2026-11-01T00:00:00Z,Pending,q1\n" + "d2,2026-11-01T00:00:00Z,Pending\n"
        #expect(importFailure("d.csv", text)
            == ImportError(file: "d.csv", line: 3, record: 2, reason: "the row has 3 fields but the header names 4 columns"))
        // A download cut short mid-row, without a final newline.
        #expect(importFailure("d.csv", header + "d1,2026-11-01T00:00:00Z,Pending,q1\nd2,2026-11-0")?.reason
            == "the row has 2 fields but the header names 4 columns")
        #expect(importFailure("d.csv", header + "d1\n")?.reason == "the row has 1 field but the header names 4 columns")
        // Too many, as before.
        #expect(importFailure("d.csv", header + "d1,2026-11-01T00:00:00Z,Pending,q1,extra\n")?.reason
            == "the row has 5 fields but the header names 4 columns")
        // Exactly as many, with empty trailing fields, is fine.
        #expect(importFailure("d.csv", header + "d1,2026-11-01T00:00:00Z,Pending,\n") == nil)
    }

    @Test func aCSVCutInsideAQuotedFieldAtTheEndOfTheFileIsRefused() {
        let text = header + "d1,2026-11-01T00:00:00Z,Pending,q1\n" + "d2,2026-11-01T00:00:00Z,Pending,\"q2"
        #expect(importFailure("d.csv", text)
            == ImportError(file: "d.csv", line: 3, record: 2, reason: "a quoted field opened on line 3 is never closed"))
    }

    @Test func nulBytesAndInvalidUTF8AreRefusedWithTheirColumn() throws {
        let good = Array((header + "d1,2026-11-01T00:00:00Z,Pending,q1\n").utf8)
        let cases: [(bytes: [UInt8], column: String, reason: String)] = [
            (Array("d2,2026-11-01T00:00:00Z,Pending,q\u{0}2\n".utf8), "msdyn_queue_id", "the value holds a NUL byte (at byte 2 of the value)"),
            (Array("d2,2026-11-01T00:00:00Z,Pending,q".utf8) + [0xC3, 0x28] + [10], "msdyn_queue_id",
             "the value is not valid UTF-8 (from byte 2 of the value)"),
            ([0x64, 0xFF, 0x32] + Array(",2026-11-01T00:00:00Z,Pending,q2\n".utf8), "msdyn_delivery_id",
             "the value is not valid UTF-8 (from byte 2 of the value)"),
            (Array("d2,2026-11-01T00:00:00Z,Pend".utf8) + [0xED, 0xA0, 0x80] + Array("ing,q2\n".utf8), "msdyn_status",
             "the value is not valid UTF-8 (from byte 5 of the value)"),
            // In a quoted field with doubled quotes.
            (Array("d2,2026-11-01T00:00:00Z,Pending,\"q\"\"".utf8) + [0x80] + Array("\"\n".utf8), "msdyn_queue_id",
             "the value is not valid UTF-8 (from byte 3 of the value)"),
        ]
        for c in cases {
            let path = try importTempFile("d.csv", good + c.bytes)
            let error = try #require(throws: ImportError.self) { try RecordFileReader(path: path).readAll() }
            #expect(error.line == 3 && error.record == 2 && error.column == c.column && error.reason == c.reason, "\(error)")
        }
        // Valid UTF-8 beyond ASCII is kept.
        let accented = try importRead("d.csv", header + "d1,2026-11-01T00:00:00Z,Pending,Zürich-東京\n").1
        guard case .delivery(let d) = accented.first?.record else { Issue.record("no delivery"); return }
        #expect(d.queueId == "Zürich-東京")
    }

    @Test func jsonEscapesOfNulAndHalfSurrogatesAreRefused() throws {
        func record(_ id: String) -> String {
            #"{"msdyn_delivery_id": "\#(id)", "createdon": "2026-11-01T00:00:00Z", "msdyn_status": "Pending"}"#
        }
        let nul = importFailure("d.jsonl", record("d1") + "\n" + record(#"d\u00002"#) + "\n")
        #expect(nul?.line == 2 && nul?.record == 2 && nul?.column == "msdyn_delivery_id")
        #expect(nul?.reason == "the value holds a NUL byte (at byte 2 of the value)")
        for lone in [#"d\ud800"#, #"d\udc00x"#, #"d\ud800\n"#] {
            let error = importFailure("d.jsonl", record(lone) + "\n")
            #expect(error?.column == "msdyn_delivery_id", "\(lone)")
            #expect(error?.reason == "the value holds a \\u escape of half a surrogate pair", "\(lone)")
        }
        // A whole pair is a character.
        #expect(importFailure("d.jsonl", record(#"d\ud83d\ude00"#) + "\n") == nil)
        // Invalid UTF-8 as raw bytes in a JSON string.
        let raw = Array(#"{"msdyn_delivery_id": "d1", "createdon": "2026-11-01T00:00:00Z", "msdyn_status": "Pe"#.utf8)
            + [0xC0, 0xAF] + Array(#""}"#.utf8) + [10]
        let path = try importTempFile("d.jsonl", raw)
        let error = try #require(throws: ImportError.self) { try RecordFileReader(path: path).readAll() }
        #expect(error.column == "msdyn_status" && error.record == 1 && error.line == 1)
    }

    @Test func timestampsOutsideTheAcceptedRangeAreRefused() {
        func csv(_ created: String, modified: String = "") -> String {
            "msdyn_delivery_id,createdon,modifiedon,msdyn_status\nd1,2026-11-01T00:00:00Z,,Pending\nd2,\(created),\(modified),Pending\n"
        }
        for inside in ["2000-01-01T00:00:00Z", "2100-12-31T23:59:59Z", "2000-01-01T05:30:00+05:30", "2100-12-31T18:59:59-05:00"] {
            #expect(importFailure("d.csv", csv(inside)) == nil, "\(inside)")
        }
        for outside in ["1999-12-31T23:59:59Z", "2101-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                        "2000-01-01T00:00:00+00:01", "2100-12-31T23:59:59-00:01"] {
            let error = importFailure("d.csv", csv(outside))
            #expect(error == ImportError(
                file: "d.csv", line: 3, record: 2, column: "createdon",
                reason: "timestamp \"\(outside)\" is outside the accepted range 2000-01-01T00:00:00Z...2100-12-31T23:59:59Z"),
                "\(outside)")
        }
        #expect(importFailure("d.csv", csv("2026-11-01T00:00:00Z", modified: "9999-01-01T00:00:00Z"))?.column == "modifiedon")
    }

    @Test func overlongIdsAndValuesAreRefused() {
        let longId = String(repeating: "a", count: 1025), longValue = String(repeating: "v", count: 65_537)
        let id = importFailure("d.csv", header + "\(longId),2026-11-01T00:00:00Z,Pending,q1\n")
        #expect(id?.column == "msdyn_delivery_id" && id?.reason == "the id is 1025 bytes long (at most 1024)")
        let value = importFailure("d.csv", header + "d1,2026-11-01T00:00:00Z,Pending,\(longValue)\n")
        #expect(value?.column == "msdyn_queue_id" && value?.reason == "the value is 65537 bytes long (at most 65536)")
        let conversation = importFailure("c.jsonl", #"{"msdyn_ocliveworkitemid": "\#(longId)", "msdyn_isoutbound": true}"# + "\n")
        #expect(conversation?.column == "msdyn_ocliveworkitemid")
        #expect(importFailure("d.csv", header + "\(longId.dropLast()),2026-11-01T00:00:00Z,Pending,\(longValue.dropLast())\n") == nil)
    }

    @Test func aRefusedFileLeavesTheStoreAsItWas() throws {
        let store = try MXStore()
        try store.write(deliveries: [MX.d("d0", "2026-11-01T10:00:00Z")])
        let before = try StoreDigest.of(store.store)
        let path = try importTempFile("d.csv", Array((header + "d1,2026-11-01T00:00:00Z,Pending,q1\n").utf8)
            + Array("d2,2026-11-01T00:00:00Z,Pending,q\u{0}\n".utf8))
        let outcome = FileImporter.importFile(path, into: store.store)
        #expect(outcome.error?.contains("NUL byte") == true)
        #expect(try StoreDigest.of(store.store) == before)
    }
}
