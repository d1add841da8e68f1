import Foundation
import GRDB
import Testing
@testable import DashboardModel

/// `export`'s writers against rows worked out by hand: header, order, masking, formula guard, RFC 4180 quoting,
/// JSON Lines, the filters' scope (equal to the dashboard's total), and the atomic file.
@Suite struct DeliveryExportTests {
    static let now = MX.instant(MX.defaultNow)

    final class Collect: ByteSink {
        var bytes: [UInt8] = []
        func write(_ more: [UInt8]) throws { bytes += more }
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    static func store() throws -> MXStore {
        let s = try MXStore()
        try s.write(deliveries: [
            Delivery(deliveryId: "d-2", createdOn: MX.utc("2026-11-05T11:00:00Z"), status: "Complete", result: "CallEnded",
                     queueId: "q-1", engagementType: "=cmd|' /C calc'!A0",
                     details: DeliveryDetails(toAddress: "+14255550123", dispositionCodes: "\"PromiseToPay\",\"SpokeToAgent\"",
                                              seqNo: 4)),
            Delivery(deliveryId: "d-1", createdOn: MX.utc("2026-11-05T10:00:00Z"), modifiedOn: MX.utc("2026-11-05T10:30:00Z"),
                     status: "Pending", queueId: "q-2", engagementType: "-2+3",
                     details: DeliveryDetails(toAddress: "123", fromAddress: "@home\nline two",
                                              resultDate: MX.utc("2026-11-05T10:29:00Z"))),
            Delivery(deliveryId: "d-3", createdOn: MX.utc("2026-11-07T09:00:00Z"), status: "Pending", queueId: "q-1",
                     engagementType: "\tindented"),
        ])
        return s
    }

    static let columns: [ExportColumn] = [.deliveryId, .createdOn, .modifiedOn, .status, .engagementType, .toAddress,
                                          .fromAddress, .resultDate, .dispositionCodes, .seqNo]

    static func export(_ s: MXStore, _ options: ExportOptions, _ filters: DashboardFilters = MX.filters()) throws -> String {
        let sink = Collect()
        try DeliveryExporter(options: options).export(DeliveryQuery(filters: filters, now: now), index: try s.index(),
                                                      store: s.store, to: sink)
        return sink.text
    }

    @Test func csvIsInCreatedOrderMaskedAndFormulaSafe() throws {
        let s = try Self.store()
        let text = try Self.export(s, ExportOptions(columns: Self.columns))
        #expect(text == """
            msdyn_delivery_id,createdon,modifiedon,msdyn_status,msdyn_engagement_type,msdyn_to_address,msdyn_from_address,msdyn_result_date,msdyn_disposition_codes,msdyn_seq_no\r
            d-1,2026-11-05T10:00:00Z,2026-11-05T10:30:00Z,Pending,'-2+3,•••••••,••••••• two,2026-11-05T10:29:00Z,,\r
            d-2,2026-11-05T11:00:00Z,2026-11-05T11:00:00Z,Complete,'=cmd|' /C calc'!A0,•••••••0123,,,\"\"\"PromiseToPay\"\",\"\"SpokeToAgent\"\"\",4\r
            d-3,2026-11-07T09:00:00Z,2026-11-07T09:00:00Z,Pending,'\tindented,,,,,\r

            """)
    }

    @Test func rawAndShownAddressesLeaveCellsAsStored() throws {
        let s = try Self.store()
        let text = try Self.export(s, ExportOptions(columns: [.deliveryId, .engagementType, .toAddress, .fromAddress],
                                                    showAddresses: true, raw: true))
        #expect(text == """
            msdyn_delivery_id,msdyn_engagement_type,msdyn_to_address,msdyn_from_address\r
            d-1,-2+3,123,"@home
            line two"\r
            d-2,=cmd|' /C calc'!A0,+14255550123,\r
            d-3,\tindented,,\r

            """)
    }

    @Test func jsonLinesHoldOneObjectALine() throws {
        let s = try Self.store()
        let text = try Self.export(s, ExportOptions(format: .jsonl, columns: [.deliveryId, .fromAddress, .seqNo, .dispositionCodes],
                                                    showAddresses: true))
        #expect(text == """
            {"msdyn_delivery_id":"d-1","msdyn_from_address":"@home\\nline two","msdyn_seq_no":null,"msdyn_disposition_codes":null}
            {"msdyn_delivery_id":"d-2","msdyn_from_address":null,"msdyn_seq_no":4,"msdyn_disposition_codes":"\\"PromiseToPay\\",\\"SpokeToAgent\\""}
            {"msdyn_delivery_id":"d-3","msdyn_from_address":null,"msdyn_seq_no":null,"msdyn_disposition_codes":null}

            """)
        for line in text.split(separator: "\n") {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil)
        }
    }

    @Test func theFiltersScopeIsTheDashboardsTotal() throws {
        let s = try Self.store()
        for filters in [MX.filters(.between(MX.day("2026-11-05"), MX.day("2026-11-05"))), MX.filters(.all, [.queue: ["q-1"]]),
                        MX.filters(.all, [.status: ["Pending"]]), MX.filters(.all, tz: "Pacific/Kiritimati")] {
            let lines = try Self.export(s, ExportOptions(columns: [.deliveryId]), filters).split(separator: "\r\n")
            #expect(lines.count - 1 == (try s.compute(filters)).totalDeliveries, "\(filters)")
        }
        let q1 = try Self.export(s, ExportOptions(columns: [.deliveryId]), MX.filters(.all, [.queue: ["q-1"]]))
        #expect(q1 == "msdyn_delivery_id\r\nd-2\r\nd-3\r\n")
    }

    @Test func aTerminalsCleanerSeesEveryValueThatIsNotPlainASCII() throws {
        let s = try Self.store()
        let text = try Self.export(s, ExportOptions(columns: [.deliveryId, .fromAddress], showAddresses: true, clean: {
            $0.replacingOccurrences(of: "\n", with: "⏎")
        }))
        #expect(text == "msdyn_delivery_id,msdyn_from_address\r\nd-1,@home⏎line two\r\nd-2,\r\nd-3,\r\n".replacingOccurrences(of: "@home", with: "'@home"))
    }

    @Test func aFailedExportLeavesNoFileAndACommittedOneReplacesTheOld() throws {
        let s = try Self.store()
        let path = s.folder.path + "/out.csv"
        FileManager.default.createFile(atPath: path, contents: Data("old\n".utf8))
        // Damage the last row so that reading it fails after the first rows went to the file.
        let queue = try DatabaseQueue(path: s.folder.path + "/store.sqlite")
        try queue.write { db in try db.execute(sql: "UPDATE deliveries SET modified = 'garbage' WHERE created = ?",
                                               arguments: [MX.utc("2026-11-07T09:00:00Z")]) }
        let sink = try AtomicFileSink(path: path)
        let exporter = DeliveryExporter(options: ExportOptions(), flushBytes: 10)
        #expect(throws: (any Error).self) {
            try exporter.export(DeliveryQuery(filters: MX.filters(), now: Self.now), index: try s.index(), store: s.store, to: sink)
        }
        #expect(FileManager.default.fileExists(atPath: sink.temporaryPath))
        sink.discard()
        #expect(!FileManager.default.fileExists(atPath: sink.temporaryPath))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.folder.path).filter { $0.contains("partial") }.isEmpty)
        // A whole export replaces the file in one rename.
        let good = try AtomicFileSink(path: path)
        let rows = try DeliveryExporter(options: ExportOptions(columns: [.deliveryId])).export(
            DeliveryQuery(filters: MX.filters(.between(MX.day("2026-11-05"), MX.day("2026-11-05"))), now: Self.now),
            index: try s.index(), store: s.store, to: good)
        try good.commit()
        #expect(rows == 2)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "msdyn_delivery_id\r\nd-1\r\nd-2\r\n")
        #expect(!FileManager.default.fileExists(atPath: good.temporaryPath))
    }

    @Test func maskingKeepsOnlyTheLastFourCharacters() {
        #expect(CSVCell.masked("+14255550123") == "•••••••0123")
        #expect(CSVCell.masked("+44 20 7946 0958") == "•••••••0958")
        #expect(CSVCell.masked("1234") == "•••••••")
        #expect(CSVCell.masked("") == "")
        for bad in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] { #expect(CSVCell.formulaSafe(bad) == "'" + bad) }
        for fine in ["1", "a=b", " =x", "'quoted", ""] { #expect(CSVCell.formulaSafe(fine) == fine) }
    }

    @Test func aSnapshotTableAsCSV() throws {
        let s = try Self.store()
        let data = try s.compute(MX.filters())
        let queues = String(decoding: DashboardTableCSV.render(data, table: .queue), as: UTF8.self)
        #expect(queues == "id,name,total,processed\r\nq-1,q-1,2,1\r\nq-2,q-2,1,0\r\n")
        let status = String(decoding: DashboardTableCSV.render(data, table: .status), as: UTF8.self)
        #expect(status == "date,Pending,Complete\r\n2026-11-05,1,1\r\n2026-11-07,1,0\r\n")
        let dates = String(decoding: DashboardTableCSV.render(data, table: .date), as: UTF8.self)
        #expect(dates == "date,total,processed\r\n2026-11-05,2,1\r\n2026-11-07,1,0\r\n")
    }

    @Test func theCSVFromBytesEqualsTheCSVFromRows() throws {
        let s = try MXStore()
        let hostile = ["=1+1", "+1 425", "-", "@x", "\tt", "\rr", "a,b", "say \"hi\"", "\u{1b}]0;title\u{7}", "\u{202e}evil",
                       "née", "1234", "", "+44 20 7946 0958", "line\nbreak", "ab,cd", "x\u{85}y"]
        var deliveries: [Delivery] = []
        for (k, text) in hostile.enumerated() {
            let guid = String(format: "%08x-0000-4000-8000-%012x", k, k)
            deliveries.append(Delivery(
                deliveryId: k % 3 == 0 ? guid : (k % 3 == 1 ? "sixteen-chars-\(k % 10)x" : "id,\(text)"),
                createdOn: MX.utc("2026-11-05T10:00:00Z") + Int64(k), status: k % 2 == 0 ? "Complete" : text,
                result: text, dialMode: text, configId: text, queueId: text, channel: text,
                conversationId: k % 2 == 0 ? guid : text, engagementType: text, rowId: k % 4 == 0 ? "" : "row-\(text)",
                details: DeliveryDetails(toAddress: text, fromAddress: text, resultDate: k % 2 == 0 ? nil : Int64(k) * 1_000_000,
                                         dispositionCodes: text, contactId: text, seqNo: k % 3 == 0 ? nil : Int64(k - 8))))
        }
        try s.write(deliveries: deliveries)
        let index = try s.index()
        let query = DeliveryQuery(filters: MX.filters(), now: Self.now)
        for options in [ExportOptions(), ExportOptions(raw: true), ExportOptions(showAddresses: true),
                        ExportOptions(showAddresses: true, raw: true, clean: { "<" + $0 + ">" })] {
            let fast = Collect(), slow = Collect()
            try DeliveryExporter(options: options).export(query, index: index, store: s.store, to: fast)
            var slowExporter = DeliveryExporter(options: options)
            slowExporter.bySlowPath = true
            try slowExporter.export(query, index: index, store: s.store, to: slow)
            #expect(fast.text.split(separator: "\r\n").count == hostile.count + 1)
            #expect(fast.text == slow.text)
        }
    }
}
