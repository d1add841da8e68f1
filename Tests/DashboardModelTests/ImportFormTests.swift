import Foundation
import Testing

@testable import DashboardModel

/// Writes `content` to a fresh temporary file named `name` and returns its path.
func importTempFile(_ name: String, _ content: String) throws -> String {
    try importTempFile(name, Array(content.utf8))
}

func importTempFile(_ name: String, _ bytes: [UInt8]) throws -> String {
    let dir = try TestScratch.newFolder("import")
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

/// Reads a file written from `content`; returns its format and records.
func importRead(_ name: String, _ content: String) throws -> (ImportFileFormat, [(record: ImportRecord, location: RecordLocation)]) {
    let reader = try RecordFileReader(path: try importTempFile(name, content))
    return (reader.format, try reader.readAll())
}

/// The ImportError a file gives, with the temporary folder cut from `file`.
func importFailure(_ name: String, _ content: String) -> ImportError? {
    do {
        _ = try importRead(name, content)
        return nil
    } catch var error as ImportError {
        error.file = (error.file as NSString).lastPathComponent
        return error
    } catch {
        return nil
    }
}

let queueA = #"{"queueid": "q-a", "name": "Alpha"}"#
let queueB = #"{"queueid": "q-b", "name": "Beta"}"#

@Suite struct ImportFormTests {
    @Test func singlePage() throws {
        let (format, all) = try importRead("q.json", #"{"@odata.context": "x", "value": [\#(queueA), \#(queueB)], "@odata.nextLink": "y"}"#)
        #expect(format == .jsonPages)
        #expect(all.map(\.record) == [.queue(Queue(id: "q-a", name: "Alpha")), .queue(Queue(id: "q-b", name: "Beta"))])
        #expect(all.map(\.location.record) == [1, 2])
    }

    @Test func concatenatedPages() throws {
        let text = """
            {"value": [
              \(queueA)
            ]}
            {"@odata.context": "x",
             "value": [\(queueB),
               {"queueid": "q-c", "name": "Gamma"}]}
            """
        let (format, all) = try importRead("q.json", text)
        #expect(format == .jsonPages)
        #expect(all.map(\.location.record) == [1, 2, 3])
        #expect(all.map(\.location.line) == [2, 5, 6])
        #expect(all.last?.record == .queue(Queue(id: "q-c", name: "Gamma")))
    }

    @Test func pagesOnOneLineEach() throws {
        let (format, all) = try importRead("q.json", "{\"value\": [\(queueA)]}\n{\"value\": [\(queueB)]}\n")
        #expect(format == .jsonPages)
        #expect(all.map(\.location.line) == [1, 2])
    }

    @Test func bareArray() throws {
        let (format, all) = try importRead("q.json", "\n  [\(queueA),\n\(queueB)]\n")
        #expect(format == .jsonArray)
        #expect(all.count == 2)
        #expect(all.map(\.location.line) == [2, 3])
    }

    @Test func emptyArrayAndEmptyPage() throws {
        #expect(try importRead("a.json", "[]").1.isEmpty)
        #expect(try importRead("a.json", #"{"value": []}"#).1.isEmpty)
        #expect(try importRead("a.json", "").1.isEmpty)
        #expect(try importRead("a.csv", "").1.isEmpty)
    }

    @Test func jsonLinesWithBlankLines() throws {
        let (format, all) = try importRead("q.jsonl", "\(queueA)\n\n\(queueB)\r\n\n")
        #expect(format == .jsonLines)
        #expect(all.map(\.location.line) == [1, 3])
        #expect(all.map(\.location.record) == [1, 2])
    }

    @Test func formatComesFromContentNotExtension() throws {
        #expect(try importRead("q.txt", "[\(queueA)]").0 == .jsonArray)
        #expect(try importRead("q.json", "\(queueA)\n\(queueB)").0 == .jsonLines)
        #expect(try importRead("q.json", "queueid,name\nq-a,Alpha\n").0 == .csv)
        #expect(try importRead("q.csv", "\u{FEFF}{\"value\": []}").0 == .jsonPages)
    }

    @Test func csvWithHeader() throws {
        let (format, all) = try importRead("q.csv", "queueid,name\nq-a,Alpha\nq-b,Beta\n")
        #expect(format == .csv)
        #expect(all.map(\.record) == [.queue(Queue(id: "q-a", name: "Alpha")), .queue(Queue(id: "q-b", name: "Beta"))])
        #expect(all.map(\.location.line) == [2, 3])
    }

    @Test func mixedTablesInOneFile() throws {
        let text = """
            [{"msdyn_delivery_id": "d1", "createdon": "2026-11-01T00:00:00Z", "msdyn_status": "Pending"},
             {"msdyn_proactive_engagement_configid": "c1", "msdyn_name": "Pay"},
             {"queueid": "q1", "name": "Q"},
             {"activityid": "w1", "msdyn_isoutbound": false}]
            """
        let all = try importRead("m.json", text).1.map(\.record)
        #expect(
            all == [
                .delivery(Delivery(deliveryId: "d1", createdOn: 1_793_491_200, status: "Pending")),
                .configuration(Configuration(id: "c1", name: "Pay", status: nil, priority: nil)),
                .queue(Queue(id: "q1", name: "Q")),
                .conversation(Conversation(id: "w1", isOutbound: false)),
            ])
    }

    @Test func deliveryIdFallsBackToRowGUID() throws {
        let text = #"{"msdyn_proactive_deliveryid": "row-1", "msdyn_delivery_id": null, "createdon": "2026-11-01T00:00:00Z", "msdyn_status": "Complete"}"#
        let all = try importRead("d.jsonl", text).1
        #expect(all.first?.record == .delivery(Delivery(deliveryId: "row-1", createdOn: 1_793_491_200, status: "Complete")))
    }

    @Test func annotationsAndUnknownColumnsAreIgnored() throws {
        let text = """
            {"@odata.etag": "W/\\"1\\"", "queueid": "q1", "name": "Q", "name@OData.Community.Display.V1.FormattedValue": "ignored",
             "extra": {"nested": [1, 2.5e3, -0.1, true, null, "s\\u00e9"]}, "queueid@Microsoft.Dynamics.CRM.lookuplogicalname": "x"}
            """
        let all = try importRead("q.json", text).1
        #expect(all.map(\.record) == [.queue(Queue(id: "q1", name: "Q"))])
    }

    @Test func escapedStrings() throws {
        let text = #"[{"queueid": "q\u00e9\/1", "name": "Line\none \"quoted\" \ud83d\ude00 tab\t"}]"#
        let all = try importRead("q.json", text).1
        #expect(all.map(\.record) == [.queue(Queue(id: "qé/1", name: "Line\none \"quoted\" 😀 tab\t"))])
    }

    @Test func escapedMemberNamesAndValues() throws {
        let text = #"{"msdyn_delivery_id": "d\u0031", "created\u006fn": "2026-11-01T00:00:00Z", "msdyn_status": "Compl\u0065te"}"#
        let all = try importRead("d.jsonl", text).1
        #expect(all.first?.record == .delivery(Delivery(deliveryId: "d1", createdOn: 1_793_491_200, status: "Complete")))
    }

    @Test func inMemoryBytes() throws {
        let reader = try RecordFileReader(name: "mem.csv", bytes: Array("queueid,name\nq,Q\n".utf8))
        #expect(reader.format == .csv)
        #expect(try reader.readAll().map(\.location) == [RecordLocation(file: "mem.csv", line: 2, record: 1)])
    }

    @Test func bodyErrorsPassThrough() throws {
        struct Stop: Error {}
        let reader = try RecordFileReader(path: try importTempFile("q.jsonl", "\(queueA)\n\(queueB)\n"))
        var seen = 0
        #expect(throws: Stop.self) {
            try reader.read { _, _ in
                seen += 1
                throw Stop()
            }
        }
        #expect(seen == 1)
    }
}
