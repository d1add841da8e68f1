import Foundation
import Testing

@testable import DashboardModel

/// The sample exports in /work/shared/samples (skipped where the folder is not there).
@Suite struct ImportSampleTests {
    static let folder = ProcessInfo.processInfo.environment["PROACTIVE_SAMPLES"] ?? "/work/shared/samples"
    static var available: Bool { FileManager.default.fileExists(atPath: folder + "/queues.json") }

    func read(_ name: String) throws -> (ImportFileFormat, [(record: ImportRecord, location: RecordLocation)]) {
        let reader = try RecordFileReader(path: Self.folder + "/" + name)
        return (reader.format, try reader.readAll())
    }

    func deliveries(_ all: [(record: ImportRecord, location: RecordLocation)]) -> [Delivery] {
        all.compactMap { if case .delivery(let d) = $0.record { d } else { nil } }
    }

    @Test(.enabled(if: available)) func deliveriesJSONPage() throws {
        let (format, all) = try read("msdyn_proactive_deliveries.json")
        #expect(format == .jsonPages)
        let list = deliveries(all)
        #expect(list.count == 300)
        #expect(all[0].location == RecordLocation(file: Self.folder + "/msdyn_proactive_deliveries.json", line: 4, record: 1))
        #expect(all[1].location.line == 23)
        #expect(all[299].location.record == 300)
        #expect(
            list[0]
                == Delivery(
                    deliveryId: "3b7dae04-9591-4694-a856-e45b95c76ab4", createdOn: 1_794_933_766, modifiedOn: 1_794_966_586,
                    status: "Pending", result: "", dialMode: "Progressive",
                    configId: "03e0a813-bdc2-4e99-a3d2-e49085ef3430", queueId: "795b929e-9a9a-40fd-aa7b-5bf55eb561a4",
                    channel: "Voice", conversationId: "", engagementType: "",
                    // The list's columns the sample holds (issue 12).
                    details: DeliveryDetails(toAddress: "+14255550469", windowStartDate: 1_794_933_766,
                                             windowEndDate: 1_795_020_166)))
        #expect(list[1].status == "Complete")
        #expect(list[1].result == "CallEnded")
        #expect(list[1].dialMode == "Copilot")
        #expect(list[1].conversationId == "48f2f8ed-445f-4d2a-92d3-043afcf249f3")
        #expect(list[1].engagementType == "AI-led")
        #expect(list.filter { $0.status == "Complete" }.count == 207)
        #expect(list.filter { $0.channel == "SMS" }.count == 12)
    }

    @Test(.enabled(if: available)) func deliveriesCSVMatchJSON() throws {
        let (format, all) = try read("msdyn_proactive_deliveries.csv")
        #expect(format == .csv)
        #expect(all.count == 300)
        #expect(all[0].location.line == 2)
        #expect(all[299].location == RecordLocation(file: Self.folder + "/msdyn_proactive_deliveries.csv", line: 301, record: 300))
        let (_, json) = try read("msdyn_proactive_deliveries.json")
        #expect(deliveries(all) == deliveries(json))
    }

    @Test(.enabled(if: available)) func deliveriesJSONLinesMatchJSON() throws {
        let (format, all) = try read("msdyn_proactive_deliveries.jsonl")
        #expect(format == .jsonLines)
        #expect(all.count == 50)
        #expect(all.map(\.location.line) == Array(1...50))
        let (_, json) = try read("msdyn_proactive_deliveries.json")
        #expect(deliveries(all) == Array(deliveries(json).prefix(50)))
    }

    @Test(.enabled(if: available)) func configurations() throws {
        let (format, all) = try read("msdyn_proactive_engagement_configs.json")
        #expect(format == .jsonPages)
        let configs = all.compactMap { if case .configuration(let c) = $0.record { c } else { nil } }
        #expect(configs.count == 12)
        #expect(
            configs[0]
                == Configuration(
                    id: "ed038db4-de38-4784-a6d0-b944a2863a7f", name: "Promotional Calls - Copilot", status: "Active",
                    priority: "Normal", dialMode: "Copilot", channel: nil, queueId: "21636369-8b52-4b4a-97b7-50923ceb3ffd"))
        #expect(configs[2].priority == "High")
        #expect(configs[2].dialMode == "Preview")
        #expect(configs[3].name == "Renewal Outreach")
        #expect(configs[3].status == "Inactive")
        #expect(configs[11].name == "予約確認 (JP)")
        #expect(configs[11].dialMode == "Predictive")
    }

    @Test(.enabled(if: available)) func queues() throws {
        let (_, all) = try read("queues.json")
        let queues = all.compactMap { if case .queue(let q) = $0.record { q } else { nil } }
        #expect(queues.count == 8)
        #expect(queues[0] == Queue(id: "21636369-8b52-4b4a-97b7-50923ceb3ffd", name: "Proactive Calls Q"))
        #expect(queues[6].name == "Nordics – Utgående")
        #expect(queues[7].name == "APAC 外呼")
    }

    @Test(.enabled(if: available)) func conversations() throws {
        let (format, all) = try read("msdyn_ocliveworkitems.json")
        #expect(format == .jsonPages)
        let list = all.compactMap { if case .conversation(let c) = $0.record { c } else { nil } }
        #expect(list.count == 207)
        #expect(
            list[0]
                == Conversation(
                    id: "48f2f8ed-445f-4d2a-92d3-043afcf249f3", isOutbound: true,
                    queueId: "795b929e-9a9a-40fd-aa7b-5bf55eb561a4"))
        #expect(list.filter { $0.isOutbound == false }.count == 3)
        #expect(all[0].location.line == 2)
        #expect(all.first { $0.location.line == 53 }.map { $0.record } == .conversation(
            Conversation(id: "f9e2d114-496b-41c3-9762-861cd5d15f9d", isOutbound: false, queueId: "9b08923d-10c6-4fd9-94b2-b8fda02f34a6")))
    }
}
