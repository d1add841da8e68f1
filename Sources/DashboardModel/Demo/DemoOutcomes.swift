/// The shares of final statuses and results the demo draws from.
enum DemoOutcomes {
    enum Final: Int { case complete = 0, expired, cancelled, error }

    static let finalLabels = ["Complete", "Expired", "Cancelled", "Error"]
    static let voiceFinal = DemoWeightedChoice([84, 7.5, 4.5, 4])
    static let smsFinal = DemoWeightedChoice([93, 2, 1, 4])

    static let expiredResults = DemoResultTable(["Expired": 92, "": 8])
    static let cancelledResults = DemoResultTable(["Cancelled": 88, "CSRCancelled": 6, "": 6])
    static let errorResults = DemoResultTable(["Error": 60, "NonRetriableError": 25, "CallFailed": 8, "": 7])

    /// Progressive and Preview dialing.
    static let voiceResults = DemoResultTable([
        "CallEnded": 50, "NoAnswer": 14, "AnsweringMachine": 10, "LiveAnswer": 7.5, "CallFailed": 5,
        "Undetermined": 3, "AnsweringMachineHangup": 2.5, "Abandoned": 2, "InvalidAddress": 1.2, "NotAHandset": 1,
        "CSRCancelled": 1, "Terminated": 0.8, "NonRetriableError": 0.5, "": 0.4, "BotFailed": 0.3, "Unknown": 0.3,
    ])
    /// Predictive dialing abandons more calls (the callee answers before a representative is free).
    static let predictiveResults = DemoResultTable([
        "CallEnded": 47, "NoAnswer": 14, "AnsweringMachine": 11.5, "LiveAnswer": 6.5, "Abandoned": 6,
        "CallFailed": 5, "Undetermined": 3, "AnsweringMachineHangup": 2.5, "InvalidAddress": 1.2, "NotAHandset": 1,
        "CSRCancelled": 0.6, "Terminated": 0.8, "NonRetriableError": 0.5, "": 0.4, "Unknown": 0.3,
    ])
    /// Copilot (AI agent) dialing: some bot failures, few abandons.
    static let copilotResults = DemoResultTable([
        "CallEnded": 52, "NoAnswer": 14, "AnsweringMachine": 10, "LiveAnswer": 7, "CallFailed": 5,
        "Undetermined": 3, "AnsweringMachineHangup": 2.5, "BotFailed": 2, "InvalidAddress": 1.2, "NotAHandset": 1,
        "Abandoned": 0.8, "Terminated": 0.5, "NonRetriableError": 0.5, "": 0.3, "Unknown": 0.2,
    ])
    static let smsResults = DemoResultTable([
        "MessageSent": 84, "MessageDelivered": 8, "MessageFailed": 5, "MessageUndelivered": 2.5, "": 0.5,
    ])
    /// Older data may carry `Busy`, a result the service no longer reports.
    static let legacyBusyShare = 0.004

    static let engagementAI = DemoLabelChoice(["AI-led": 88, "Representative-led": 6, "": 6])
    static let engagementRepresentative = DemoLabelChoice(["Representative-led": 88, "AI-led": 5, "": 7])

    /// Share of conversations linked to a delivery that are incoming (a callback the customer placed).
    static let incomingConversationShare = 0.015
    /// Share of deliveries pointing at a configuration or queue the center does not know.
    static let unknownReferenceShare = 0.001
}

/// Results with their shares, and whether each means a short call (nobody talked).
struct DemoResultTable: Sendable {
    let labels: [String]
    let short: [Bool]
    let choice: DemoWeightedChoice

    static let shortResults: Set<String> = [
        "NoAnswer", "CallFailed", "InvalidAddress", "NotAHandset", "Busy", "NonRetriableError", "Undetermined",
        "MessageSent", "MessageDelivered", "MessageFailed", "MessageUndelivered", "Error", "",
    ]

    init(_ pairs: KeyValuePairs<String, Double>) {
        labels = pairs.map(\.key)
        short = labels.map { Self.shortResults.contains($0) }
        choice = DemoWeightedChoice(pairs.map(\.value))
    }

    @inline(__always) func pick(_ rng: inout DemoRandom) -> Int { choice.pick(rng.unit()) }
}
