import Testing

@testable import DashboardModel

/// Each kind of bad input gives an ImportError with the exact location and reason.
@Suite struct ImportErrorTests {
    let noKey =
        "no key column (expected one of msdyn_delivery_id, msdyn_proactive_deliveryid, msdyn_proactive_engagement_configid, "
        + "queueid, msdyn_ocliveworkitemid, activityid)"

    @Test func badTimestampInCSV() throws {
        var text = "msdyn_delivery_id,createdon,msdyn_status\n"
        for i in 1...15 { text += "d\(i),2026-11-01T00:00:00Z,Pending\n" }
        text += "d16,2026-13-01T00:00:00Z,Pending\n"
        let error = try #require(importFailure("deliveries.csv", text))
        #expect(
            error
                == ImportError(
                    file: "deliveries.csv", line: 17, record: 16, column: "createdon",
                    reason: "cannot read timestamp \"2026-13-01T00:00:00Z\" (expected ISO-8601 with Z or an offset, e.g. 2026-11-28T09:30:00Z)"))
        #expect(
            error.description
                == "deliveries.csv:17: record 16, column createdon: cannot read timestamp \"2026-13-01T00:00:00Z\" "
                + "(expected ISO-8601 with Z or an offset, e.g. 2026-11-28T09:30:00Z)")
    }

    @Test func badTimestampsInJSON() {
        for (value, line) in [("2026-02-30T10:00:00Z", 1), ("2026-11-28T09:30:00", 1), ("", 0)] where line > 0 {
            let error = importFailure(
                "d.json", #"[{"msdyn_delivery_id": "d1", "createdon": "2026-11-01T00:00:00Z", "modifiedon": "\#(value)", "msdyn_status": "Pending"}]"#)
            #expect(error?.column == "modifiedon")
            #expect(error?.record == 1)
            #expect(error?.line == line)
            #expect(error?.reason.hasPrefix("cannot read timestamp \"\(value)\"") == true)
        }
    }

    @Test func missingRequiredColumns() {
        let csv = "msdyn_delivery_id,createdon,msdyn_status\nd1,2026-11-01T00:00:00Z,Pending\nd2,,Pending\n"
        #expect(
            importFailure("d.csv", csv)
                == ImportError(file: "d.csv", line: 3, record: 2, column: "createdon", reason: "missing value (a delivery needs its creation time)"))

        let noStatus = """
            {"value": [
             {"msdyn_delivery_id": "d1", "createdon": "2026-11-01T00:00:00Z", "msdyn_status": "Pending"},
             {"msdyn_delivery_id": "d2",
              "createdon": "2026-11-01T00:00:00Z"}
            ]}
            """
        #expect(
            importFailure("d.json", noStatus)
                == ImportError(file: "d.json", line: 3, record: 2, column: "msdyn_status", reason: "missing value (a delivery needs its status)"))

        let noId = #"{"msdyn_delivery_id": null, "msdyn_proactive_deliveryid": "", "createdon": "2026-11-01T00:00:00Z", "msdyn_status": "Pending"}"#
        #expect(
            importFailure("d.jsonl", noId)
                == ImportError(
                    file: "d.jsonl", line: 1, record: 1, column: "msdyn_delivery_id",
                    reason: "missing value (a delivery needs msdyn_delivery_id or msdyn_proactive_deliveryid)"))
    }

    @Test func wrongJSONTypes() {
        let created = importFailure("d.jsonl", #"{"msdyn_delivery_id": "d1", "createdon": 5, "msdyn_status": "Pending"}"#)
        #expect(
            created
                == ImportError(file: "d.jsonl", line: 1, record: 1, column: "createdon", reason: "expected a timestamp as text, found a number (5)"))
        let status = importFailure("d.jsonl", "\n" + #"{"msdyn_delivery_id": "d1", "createdon": "2026-11-01T00:00:00Z", "msdyn_status": {}}"#)
        #expect(status == ImportError(file: "d.jsonl", line: 2, record: 1, column: "msdyn_status", reason: "expected text, found an object"))
        let id = importFailure("d.jsonl", #"{"msdyn_delivery_id": ["d1"], "createdon": "2026-11-01T00:00:00Z", "msdyn_status": "Pending"}"#)
        #expect(id == ImportError(file: "d.jsonl", line: 1, record: 1, column: "msdyn_delivery_id", reason: "expected text, found an array"))
        let outbound = importFailure("w.jsonl", #"{"activityid": "w1", "msdyn_isoutbound": "maybe"}"#)
        #expect(
            outbound
                == ImportError(
                    file: "w.jsonl", line: 1, record: 1, column: "msdyn_isoutbound",
                    reason: "cannot read yes/no value \"maybe\" (expected true/false or 1/0)"))
        let priority = importFailure("c.jsonl", #"{"msdyn_proactive_engagement_configid": "c1", "msdyn_priority": true}"#)
        #expect(priority?.column == "msdyn_priority")
        #expect(priority?.reason == "expected a choice number or label, found a boolean")
    }

    @Test func noKeyColumn() {
        let error = importFailure("q.json", "[\n" + #"{"queueid": "q1"},"# + "\n" + #"{"name": "orphan"}"# + "\n]")
        #expect(error == ImportError(file: "q.json", line: 3, record: 2, reason: noKey))
        #expect(error?.description == "q.json:3: record 2: " + noKey)
    }

    @Test func brokenJSONNamesLineAndPosition() {
        let text = """
            {"value": [
              {"queueid": "q1", "name": "A"},
              {"queueid": "q2" "name": "B"}
            ]}
            """
        let error = importFailure("q.json", text)
        #expect(
            error
                == ImportError(
                    file: "q.json", line: 3, record: 2, position: 20,
                    reason: "invalid JSON: expected ',' or '}' after a member, found '\"'"))
        #expect(error?.description == "q.json:3:20: record 2: invalid JSON: expected ',' or '}' after a member, found '\"'")
    }

    @Test func truncatedJSON() {
        #expect(
            importFailure("q.json", #"[{"queueid": "q1""#)
                == ImportError(file: "q.json", line: 1, record: 1, position: 18, reason: "invalid JSON: the file ends inside an object (expected ',' or '}')"))
        #expect(
            importFailure("q.json", "[{\"queueid\": \"q1\"},\n")
                == ImportError(file: "q.json", line: 2, position: 1, reason: "invalid JSON: the file ends inside an array of records"))
    }

    @Test func brokenJSONLine() {
        let text = #"{"queueid": "q1", "name": "A"}"# + "\n" + #"{"queueid": "q2", "name": "# + "\n" + #"{"queueid": "q3"}"#
        #expect(
            importFailure("q.jsonl", text)
                == ImportError(
                    file: "q.jsonl", line: 2, record: 2, position: 27,
                    reason: "invalid JSON: the line ends inside a record (JSON Lines holds one complete record per line)"))
    }

    @Test func otherSyntaxErrors() {
        #expect(importFailure("q.json", #"[{"queueid": "q\x"}]"#)?.reason == "invalid JSON: invalid escape \\x in a string")
        #expect(importFailure("q.json", #"[{"queueid": "q", "n": 01}]"#)?.reason == "invalid JSON: expected ',' or '}' after a member, found '1'")
        #expect(importFailure("q.json", #"[{"queueid": "q", "n": tru}]"#)?.reason == "invalid JSON: expected a value, found 't'")
        #expect(importFailure("q.json", #"[{"queueid": "q"} {"queueid": "r"}]"#)?.reason == "invalid JSON: expected ',' or ']' after a record, found '{'")
        #expect(importFailure("q.json", #"[1, 2]"#)?.reason == "invalid JSON: expected a record object in the array, found '1'")
        #expect(importFailure("q.json", "{\"value\": [{\"queueid\": \"q\u{1}\"}]}")?.reason == "invalid JSON: control character in a string (it must be escaped)")
        #expect(importFailure("q.json", String(repeating: "[", count: 2) + "]]")?.reason == "invalid JSON: expected a record object in the array, found '['")
        let deep = #"{"queueid": "q", "x": "# + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}"
        #expect(importFailure("q.jsonl", deep)?.reason == "invalid JSON: values are nested more than 512 deep")
    }

    @Test func utf16IsRefused() throws {
        let error = importFailure("q.csv", "\u{FFFE}")  // written as UTF-8 here: not UTF-16, reads as CSV
        #expect(error?.line == 1)
        let path = try importTempFile("u.json", [0xFF, 0xFE, 0x5B, 0x00, 0x5D, 0x00])
        #expect(throws: ImportError(file: path, line: 1, reason: "the file is UTF-16; save it as UTF-8")) {
            _ = try RecordFileReader(path: path)
        }
    }

    @Test func missingFile() {
        #expect(throws: ImportError(file: "/nonexistent/x.csv", reason: "cannot open: No such file or directory")) {
            _ = try RecordFileReader(path: "/nonexistent/x.csv")
        }
    }
}
