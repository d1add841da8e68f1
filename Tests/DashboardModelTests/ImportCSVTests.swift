import Foundation
import Testing

@testable import DashboardModel

@Suite struct ImportCSVTests {
    let header = "msdyn_delivery_id,createdon,msdyn_status,msdyn_result,msdyn_engagement_type,msdyn_to_address\n"

    func deliveries(_ text: String, name: String = "d.csv") throws -> [(Delivery, RecordLocation)] {
        try importRead(name, text).1.compactMap { item in
            if case .delivery(let d) = item.record { (d, item.location) } else { nil }
        }
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let text =
            header
            + "d1,2026-11-01T00:00:00Z,Complete,CallEnded,\"AI-led, with \"\"quotes\"\"\",+1\n"
            + "d2,2026-11-01T00:00:00Z,Pending,,\"two\nlines\nhere\",+2\n"
            + "d3,2026-11-01T00:00:00Z,\"Expired\",\"\",,\n"
            + "d4,2026-11-01T00:00:00Z,Error,,,\n"
        let rows = try deliveries(text)
        #expect(rows.map(\.0.deliveryId) == ["d1", "d2", "d3", "d4"])
        #expect(rows[0].0.engagementType == "AI-led, with \"quotes\"")
        #expect(rows[1].0.engagementType == "two\nlines\nhere")
        #expect(rows[2].0.status == "Expired")
        #expect(rows[2].0.result == "")
        // d2 spans lines 3-5, so d3 starts on line 6.
        #expect(rows.map(\.1.line) == [2, 3, 6, 7])
        #expect(rows.map(\.1.record) == [1, 2, 3, 4])
    }

    @Test func bomAndCRLF() throws {
        let text = "\u{FEFF}" + header.replacingOccurrences(of: "\n", with: "\r\n")
            + "d1,2026-11-01T00:00:00Z,Complete,CallEnded,\"a\r\nb\",+1\r\n"
            + "d2,2026-11-01T00:00:00Z,Pending,,,\r\n"
        let rows = try deliveries(text)
        #expect(rows.map(\.0.deliveryId) == ["d1", "d2"])
        #expect(rows[0].0.engagementType == "a\r\nb")
        #expect(rows[1].0.status == "Pending")
        #expect(rows.map(\.1.line) == [2, 4])
    }

    @Test func noFinalNewlineAndBlankLines() throws {
        let text = header + "\n" + "d1,2026-11-01T00:00:00Z,Complete,,,\n\n\n" + "d2,2026-11-01T00:00:00Z,Pending,NoAnswer,,"
        let rows = try deliveries(text)
        #expect(rows.map(\.0.deliveryId) == ["d1", "d2"])
        #expect(rows[1].0.result == "NoAnswer")
        #expect(rows.map(\.1.line) == [3, 6])
    }

    @Test func emptyFieldIsAbsentAndSpacesAroundUnquotedFieldsAreTrimmed() throws {
        let rows = try deliveries(header + " d1 , 2026-11-01T00:00:00Z ,Complete,  ,\" spaced \",\n")
        #expect(rows[0].0.deliveryId == "d1")
        #expect(rows[0].0.result == "")
        #expect(rows[0].0.engagementType == " spaced ")
    }

    @Test func headerNamesIgnoreCaseAndUnknownColumns() throws {
        let rows = try deliveries("Extra,MSDYN_DELIVERY_ID,CreatedOn,msdyn_status\nx,d1,2026-11-01T00:00:00Z,InProcess\n")
        #expect(rows.map(\.0) == [Delivery(deliveryId: "d1", createdOn: 1_793_491_200, status: "InProcess")])
    }

    @Test func quotedHeaderNames() throws {
        let rows = try deliveries("\"msdyn_delivery_id\",\"createdon\",\"msdyn_status\"\r\n\"d1\",\"2026-11-01T00:00:00Z\",\"Pending\"\r\n")
        #expect(rows.map(\.0) == [Delivery(deliveryId: "d1", createdOn: 1_793_491_200, status: "Pending")])
    }

    @Test func labelsAreCanonicalised() throws {
        let rows = try deliveries(
            "msdyn_delivery_id,createdon,msdyn_status,msdyn_result,msdyn_dialmode_type,msdyn_channel\n"
                + "d1,2026-11-01T00:00:00Z,complete,call_ended,100000003,voice\n"
                + "d2,2026-11-01T00:00:00Z,Parked,NewResult,Robot,sms\n"
                + "d3,2026-11-01T00:00:00Z,in process,,,192340000\n")
        #expect(rows[0].0.status == "Complete")
        #expect(rows[0].0.result == "CallEnded")
        #expect(rows[0].0.dialMode == "Predictive")
        #expect(rows[0].0.channel == "Voice")
        #expect(rows[1].0.status == "Parked")
        #expect(rows[1].0.result == "NewResult")
        #expect(rows[1].0.dialMode == "Robot")
        #expect(rows[1].0.channel == "SMS")
        #expect(rows[2].0.status == "InProcess")
        #expect(rows[2].0.dialMode == "")
        #expect(rows[2].0.channel == "SMS")
    }

    @Test func absentChannelReadsVoice() throws {
        let rows = try deliveries(header + "d1,2026-11-01T00:00:00Z,Complete,,,\n")
        #expect(rows[0].0.channel == "Voice")
    }

    @Test func fieldsBeyondTheHeaderAreAnError() {
        let error = importFailure("d.csv", header + "d1,2026-11-01T00:00:00Z,Complete,,,,surplus\n")
        #expect(error == ImportError(file: "d.csv", line: 2, record: 1, reason: "the row has 7 fields but the header names 6 columns"))
    }

    @Test func unclosedQuote() {
        let error = importFailure("d.csv", header + "d1,2026-11-01T00:00:00Z,Complete,,\"never closed\n+1\n")
        #expect(error == ImportError(file: "d.csv", line: 2, record: 1, reason: "a quoted field opened on line 2 is never closed"))
    }

    @Test func textAfterClosingQuote() {
        let error = importFailure("d.csv", header + "d1,2026-11-01T00:00:00Z,Complete,,\"a\"b,\n")
        #expect(error?.line == 2)
        #expect(error?.record == 1)
        #expect(error?.reason.hasPrefix("unexpected text after the closing quote") == true)
    }

    @Test func headerWithoutKeyColumn() {
        let error = importFailure("x.csv", "name,createdon\nA,2026-11-01T00:00:00Z\n")
        #expect(
            error
                == ImportError(
                    file: "x.csv", line: 1,
                    reason: "no key column (expected one of msdyn_delivery_id, msdyn_proactive_deliveryid, "
                        + "msdyn_proactive_engagement_configid, queueid, msdyn_ocliveworkitemid, activityid) in the header row"))
    }

    @Test func configurationAndConversationCSV() throws {
        let configs = try importRead(
            "c.csv",
            "msdyn_proactive_engagement_configid,msdyn_name,statecode,msdyn_priority,msdyn_dialmode_type,msdyn_type,_msdyn_queue_value\n"
                + "c1,Pay,1,Critical,Preview,100000001,q1\n").1.map(\.record)
        #expect(
            configs == [
                .configuration(
                    Configuration(id: "c1", name: "Pay", status: "Inactive", priority: "Critical", dialMode: "Preview", channel: "SMS", queueId: "q1"))
            ])
        let conversations = try importRead("w.csv", "msdyn_ocliveworkitemid,msdyn_isoutbound,_msdyn_cdsqueueid_value\nw1,1,q1\nw2,false,\nw3,,\n").1
            .map(\.record)
        #expect(
            conversations == [
                .conversation(Conversation(id: "w1", isOutbound: true, queueId: "q1")),
                .conversation(Conversation(id: "w2", isOutbound: false)),
                .conversation(Conversation(id: "w3", isOutbound: nil)),
            ])
    }
}
