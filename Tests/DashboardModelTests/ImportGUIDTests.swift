import Testing
@testable import DashboardModel

@Suite struct ImportGUIDTests {
    @Test func guidsCompareWithoutCaseOrBraces() throws {
        let csv = """
            msdyn_delivery_id,createdon,msdyn_status,msdyn_queue_id,msdyn_proactive_engagement_config_id,msdyn_conversation_id
            {3B7DAE04-9591-4694-A856-E45B95C76AB4},2026-11-17T16:42:46Z,Pending,795B929E-9A9A-40FD-AA7B-5BF55EB561A4,not-a-guid-ID,{48F2F8ED-445F-4D2A-92D3-043AFCF249F3}
            """
        let records = try RecordFileReader(name: "upper.csv", bytes: Array(csv.utf8)).readAll()
        guard case .delivery(let d) = try #require(records.first).record else {
            Issue.record("expected a delivery")
            return
        }
        #expect(d.deliveryId == "3b7dae04-9591-4694-a856-e45b95c76ab4")
        #expect(d.queueId == "795b929e-9a9a-40fd-aa7b-5bf55eb561a4")
        #expect(d.conversationId == "48f2f8ed-445f-4d2a-92d3-043afcf249f3")
        // Not a GUID: kept exactly as written.
        #expect(d.configId == "not-a-guid-ID")
    }

    @Test func queueAndConversationIdsAreNormalisedToo() throws {
        let json = """
            [{"queueid": "{21636369-8B52-4B4A-97B7-50923CEB3FFD}", "name": "Proactive Calls Q"},
             {"msdyn_ocliveworkitemid": "48F2F8ED-445F-4D2A-92D3-043AFCF249F3", "msdyn_isoutbound": true}]
            """
        let records = try RecordFileReader(name: "mixed.json", bytes: Array(json.utf8)).readAll().map(\.record)
        #expect(records == [
            .queue(Queue(id: "21636369-8b52-4b4a-97b7-50923ceb3ffd", name: "Proactive Calls Q")),
            .conversation(Conversation(id: "48f2f8ed-445f-4d2a-92d3-043afcf249f3", isOutbound: true)),
        ])
    }
}
