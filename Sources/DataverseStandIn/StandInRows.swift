import Foundation

/// The rows of the generated organization, serialized as the Web API sends them. A delivery is a function of its
/// index, its version and its modifiedon, so a million of them take little memory and a change is a new version.
struct StandInRows {
    let seed: UInt64
    /// Midnight UTC 89 days before the organization was made: createdon runs over 90 days from there.
    let firstDay: Double

    static let configNames = [
        "Payment Reminder", "Appointment Confirmation", "Renewal Offer", "Fraud Callback", "Survey Follow-up",
        "Collections Early", "Collections Late", "Welcome Call", "Win-back", "Delivery Notice", "Promotional Calls - Copilot",
        "Promotional Calls - Progressive",
    ]
    static let queueNames = ["Collections Q", "Appointments Q", "Renewals Q", "Fraud Q", "Surveys Q", "Welcome Q", "Win-back Q", "Notices Q"]
    static let dialModes = ["Copilot", "Progressive", "Preview", "Predictive"]
    /// Status cycle: a change moves a delivery one step on.
    static let statuses = ["Pending", "InProcess", "Complete", "Complete", "Complete", "Expired", "Cancelled", "Complete", "Error", "Complete"]
    static let results = ["CallEnded", "CallEnded", "CallEnded", "LiveAnswer", "NoAnswer", "AnsweringMachine", "Abandoned", "CallFailed"]

    func configID(_ i: Int) -> String { StandInGUID.make(seed: seed, kind: 1, index: i) }
    func queueID(_ i: Int) -> String { StandInGUID.make(seed: seed, kind: 2, index: i) }
    func deliveryRowID(_ i: Int) -> String { StandInGUID.make(seed: seed, kind: 3, index: i) }
    func deliveryID(_ i: Int) -> String { StandInGUID.make(seed: seed, kind: 4, index: i) }
    func conversationID(_ i: Int) -> String { StandInGUID.make(seed: seed, kind: 5, index: i) }

    func hash(_ i: Int) -> UInt64 { StandInGUID.mix(seed ^ (UInt64(i) &* 0x2545_F491_4F6C_DD1D)) }

    func createdOn(_ i: Int) -> Double { firstDay + Double(hash(i) % (90 * 86400)) }
    func initialModifiedOn(_ i: Int) -> Double { createdOn(i) + 60 + Double(hash(i) >> 20 % 3600) }

    func status(_ i: Int, version: Int) -> String {
        Self.statuses[(Int(hash(i) % 10) + version) % Self.statuses.count]
    }

    func delivery(_ i: Int, version: Int, modifiedOn: Double, linkConversation: Bool = true) -> [UInt8] {
        let h = hash(i)
        let status = status(i, version: version)
        let complete = status == "Complete"
        let result = complete ? "\"" + Self.results[Int((h >> 8) % UInt64(Self.results.count) + UInt64(version)) % Self.results.count] + "\"" : "null"
        let config = Int((h >> 16) % 12)
        let queue = config % 8
        let conversation = complete && linkConversation ? "\"" + conversationID(i) + "\"" : "null"
        let engagement = (h >> 24) % 3 == 0 ? "\"AI agent\"" : "\"Representative\""
        let details = contactDetails(i, status: status, complete: complete, modifiedOn: modifiedOn)
        let text = #"{"@odata.etag":"W/\"\#(version)\"","msdyn_proactive_deliveryid":"\#(deliveryRowID(i))","msdyn_delivery_id":"\#(deliveryID(i))","createdon":"\#(Self.iso(createdOn(i)))","modifiedon":"\#(Self.iso(modifiedOn))","msdyn_status":"\#(status)","msdyn_result":\#(result),"msdyn_dialmode_type":"\#(Self.dialModes[config % 4])","msdyn_proactive_engagement_config_id":"\#(configID(config))","msdyn_queue_id":"\#(queueID(queue))","msdyn_channel":"Voice","msdyn_conversation_id":\#(conversation),"msdyn_engagement_type":\#(engagement),\#(details)"msdyn_seq_no":\#(1 + Int(h % 1000))}"#
        return Array(text.utf8)
    }

    /// The list columns of a delivery (DOMAIN.md): who was called from which number (fictional 555-01xx numbers),
    /// the calling window (the day it was created), when the call ran and ended, and the disposition codes of a
    /// call someone took; each member ends with its comma.
    func contactDetails(_ i: Int, status: String, complete: Bool, modifiedOn: Double) -> String {
        let h = hash(i)
        let created = createdOn(i)
        let day = (created / 86400).rounded(.down) * 86400
        let area = 200 + Int((h >> 28) % 800)
        let line = Int((h >> 40) % 100)
        func number(_ area: Int, _ line: Int) -> String { "\"+1\(area)55501\(line < 10 ? "0" : "")\(line)\"" }
        func date(_ t: Double?) -> String { t.map { "\"" + Self.iso($0) + "\"" } ?? "null" }
        let started = status == "Pending" ? nil : min(modifiedOn, created + 30)
        let ended = status == "Pending" || status == "InProcess" ? nil : modifiedOn
        let codes = complete && (h >> 48) % 2 == 0 ? Self.dispositionCodes[Int((h >> 50) % UInt64(Self.dispositionCodes.count))] : "null"
        return #""msdyn_to_address":\#(number(area, line)),"msdyn_from_address":\#(number(800, Int((h >> 16) % 12))),"msdyn_window_start_date":\#(date(day + 8 * 3600)),"msdyn_window_end_date":\#(date(day + 20 * 3600)),"msdyn_start_date":\#(date(started)),"msdyn_end_date":\#(date(ended)),"msdyn_result_date":\#(date(complete ? modifiedOn : nil)),"msdyn_disposition_codes":\#(codes),"#
    }

    /// The codes an agent sets after a call, as the column holds them (comma-separated quoted codes, JSON-escaped).
    static let dispositionCodes = [#""\"PromiseToPay\"""#, #""\"SpokeToAgent\"""#, #""\"CallbackRequested\"""#,
                                   #""\"PromiseToPay\",\"SpokeToAgent\"""#, #""\"NotInterested\"""#]

    func conversation(_ i: Int, modifiedOn: Double) -> [UInt8] {
        let h = hash(i)
        let queue = Int((h >> 16) % 12) % 8
        let outbound = (h >> 40) % 20 != 0
        let text = #"{"msdyn_ocliveworkitemid":"\#(conversationID(i))","msdyn_isoutbound":\#(outbound),"_msdyn_cdsqueueid_value":"\#(queueID(queue))","msdyn_channel":"192370000","modifiedon":"\#(Self.iso(modifiedOn))"}"#
        return Array(text.utf8)
    }

    func configuration(_ i: Int, name: String? = nil, active: Bool = true, modifiedOn: Double) -> [UInt8] {
        let label = (name ?? Self.configNames[i % Self.configNames.count])
        let text = #"{"msdyn_proactive_engagement_configid":"\#(configID(i))","msdyn_name":\#(Self.quote(label)),"statecode":\#(active ? 0 : 1),"msdyn_priority":\#(1 + i % 3),"msdyn_dialmode_type":\#(100_000_000 + i % 4),"msdyn_type":100000000,"_msdyn_queue_value":"\#(queueID(i % 8))","modifiedon":"\#(Self.iso(modifiedOn))"}"#
        return Array(text.utf8)
    }

    func queue(_ i: Int, name: String? = nil, modifiedOn: Double) -> [UInt8] {
        let text = #"{"queueid":"\#(queueID(i))","name":\#(Self.quote(name ?? Self.queueNames[i % Self.queueNames.count])),"modifiedon":"\#(Self.iso(modifiedOn))"}"#
        return Array(text.utf8)
    }

    static func quote(_ text: String) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed, .withoutEscapingSlashes]) else { return "\"\"" }
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst().dropLast())
    }

    /// `2026-11-20T15:42:21Z`, fast (no formatter): the stand-in writes millions of these.
    static func iso(_ seconds: Double) -> String {
        let t = Int(seconds.rounded(.down))
        var days = t >= 0 ? t / 86400 : (t - 86399) / 86400
        let secs = t - days * 86400
        days += 719_468
        let era = days / 146_097
        let doe = days - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        var y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        if m <= 2 { y += 1 }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))T\(two(secs / 3600)):\(two(secs / 60 % 60)):\(two(secs % 60))Z"
    }
}
