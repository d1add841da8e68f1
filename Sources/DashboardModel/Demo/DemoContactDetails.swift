/// The list columns of a demo delivery (issue 12): who was called, from which number, when the call ran and ended,
/// and the agent's disposition codes, so the drill-down list and `export` of `demo` read like an organization's.
/// Everything is derived from the delivery's id and its plan, never from the generator's random stream: the demo's
/// figures (tested and benchmarked) stay exactly what they were.
enum DemoContactDetails {
    /// Numbers in the North American fictional range 555-01xx, so no real person's number is ever shown.
    static func details(id: String, config: Int, plan: DemoPlan, stage: DemoDeliveryFactory.Stage, status: String,
                        result: String) -> DeliveryDetails {
        let hash = UInt64(bitPattern: StableHash.of(id))
        let area = 200 + Int(hash % 800)                        // 200-999
        let line = Int((hash >> 12) % 100)                      // 555-0100 .. 555-0199
        var details = DeliveryDetails(
            toAddress: fictional(area: area, line: line),
            fromAddress: fictional(area: 800, line: config % 100))
        if stage != .pending, let start = plan.inProcessAt { details.startDate = start }
        if stage == .final {
            details.endDate = plan.finalAt
            if status == "Complete" { details.resultDate = plan.finalAt }
            details.dispositionCodes = codes(for: result, hash: hash >> 24)
        }
        return details
    }

    /// `+1 AAA 555-01LL` in E.164.
    private static func fictional(area: Int, line: Int) -> String {
        "+1\(area)55501\(line < 10 ? "0" : "")\(line)"
    }

    /// The codes an agent sets after a call that reached someone; none for calls no one took.
    private static func codes(for result: String, hash: UInt64) -> String {
        let options: [String]
        switch result {
        case "CallEnded", "LiveAnswer":
            options = ["\"PromiseToPay\"", "\"SpokeToAgent\"", "\"CallbackRequested\"", "\"PromiseToPay\",\"SpokeToAgent\"",
                       "\"WrongNumber\"", "\"NotInterested\""]
        case "CSRCancelled":
            options = ["\"AgentUnavailable\""]
        default:
            return ""
        }
        return options[Int(hash % UInt64(options.count))]
    }
}
