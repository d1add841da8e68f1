import Testing

@testable import DashboardModel

/// Choice columns given as numbers, digit strings or labels.
@Suite struct ImportChoiceTests {
    func config(_ members: String) throws -> Configuration? {
        let all = try importRead("c.jsonl", #"{"msdyn_proactive_engagement_configid": "c1", "msdyn_name": "N", \#(members)}"#).1
        if case .configuration(let c) = all.first?.record { return c }
        return nil
    }

    func conversation(_ members: String) throws -> Conversation? {
        let all = try importRead("w.jsonl", #"{"msdyn_ocliveworkitemid": "w1", \#(members)}"#).1
        if case .conversation(let c) = all.first?.record { return c }
        return nil
    }

    @Test func configStatus() throws {
        #expect(try config(#""statecode": 0"#)?.status == "Active")
        #expect(try config(#""statecode": 1"#)?.status == "Inactive")
        #expect(try config(#""statecode": "1""#)?.status == "Inactive")
        #expect(try config(#""statecode": "Active""#)?.status == "Active")
        #expect(try config(#""statecode": "inactive""#)?.status == "Inactive")
        #expect(try config(#""statecode": null"#)?.status == nil)
        #expect(try config(#""msdyn_priority": 3"#)?.status == nil)
        // An unknown number takes the formatted label when there is one, else stays as it is.
        #expect(try config(#""statecode": 7, "statecode@OData.Community.Display.V1.FormattedValue": "Paused""#)?.status == "Paused")
        #expect(try config(#""statecode": 7"#)?.status == "7")
    }

    @Test func priority() throws {
        #expect(try config(#""msdyn_priority": 1"#)?.priority == "Critical")
        #expect(try config(#""msdyn_priority": "2""#)?.priority == "High")
        #expect(try config(#""msdyn_priority": 3"#)?.priority == "Normal")
        #expect(try config(#""msdyn_priority": "critical""#)?.priority == "Critical")
        #expect(try config(#""msdyn_priority": "Urgent""#)?.priority == "Urgent")
    }

    @Test func dialMode() throws {
        #expect(try config(#""msdyn_dialmode_type": 100000000"#)?.dialMode == "Copilot")
        #expect(try config(#""msdyn_dialmode_type": 100000001"#)?.dialMode == "Progressive")
        #expect(try config(#""msdyn_dialmode_type": "100000002""#)?.dialMode == "Preview")
        #expect(try config(#""msdyn_dialmode_type": "Predictive""#)?.dialMode == "Predictive")
        #expect(try config(#""msdyn_dialmode_type": "predictive""#)?.dialMode == "Predictive")
        #expect(try config(#""msdyn_type": 100000000"#)?.dialMode == nil)
    }

    @Test func configChannel() throws {
        #expect(try config(#""msdyn_type": 100000000"#)?.channel == "Voice")
        #expect(try config(#""msdyn_type": 100000001"#)?.channel == "SMS")
        #expect(try config(#""msdyn_type": "SMS""#)?.channel == "SMS")
        #expect(try config(#""msdyn_type": "Voice call""#)?.channel == "Voice")
    }

    @Test func deliveryChannelNumbers() throws {
        func channel(_ value: String) throws -> String? {
            let text = #"{"msdyn_delivery_id": "d", "createdon": "2026-11-01T00:00:00Z", "msdyn_status": "Pending", "msdyn_channel": \#(value)}"#
            if case .delivery(let d) = try importRead("d.jsonl", text).1.first?.record { return d.channel }
            return nil
        }
        #expect(try channel("192370000") == "Voice")
        #expect(try channel("192440000") == "Voice")
        #expect(try channel(#""192340000""#) == "SMS")
        #expect(try channel(#""Voice""#) == "Voice")
        #expect(try channel("null") == "Voice")
        #expect(try channel(#""WhatsApp""#) == "WhatsApp")
    }

    @Test func conversationDirection() throws {
        #expect(try conversation(#""msdyn_isoutbound": true"#)?.isOutbound == true)
        #expect(try conversation(#""msdyn_isoutbound": false"#)?.isOutbound == false)
        #expect(try conversation(#""msdyn_isoutbound": "true""#)?.isOutbound == true)
        #expect(try conversation(#""msdyn_isoutbound": "False""#)?.isOutbound == false)
        #expect(try conversation(#""msdyn_isoutbound": "1""#)?.isOutbound == true)
        #expect(try conversation(#""msdyn_isoutbound": "0""#)?.isOutbound == false)
        #expect(try conversation(#""msdyn_isoutbound": 1"#)?.isOutbound == true)
        #expect(try conversation(#""msdyn_isoutbound": null"#)?.isOutbound == nil)
        #expect(try conversation(#""activityid": "ignored""#)?.id == "w1")
    }
}
