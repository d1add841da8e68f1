/// When things happen to a delivery: how long the dialer takes to pick it up, how long a call lasts, when the
/// calling window closes. The history uses hours and business hours; the live feed compresses it into minutes.
struct DemoTiming: Sendable {
    /// Mean wait between arrival (or the dialer's opening hour) and the call, before the dial-mode factor.
    var waitMean: Double
    /// A share of deliveries waits much longer (a busy queue).
    var longWaitShare: Double
    var longWaitFactor: Double
    var maxWait: Double
    /// Call length: a fixed part plus an exponential part; short calls (no answer, failures) are much shorter.
    var callMinimum: Int64
    var callMean: Double
    var callMaximum: Double
    var shortCall: ClosedRange<Int64>
    var smsSend: ClosedRange<Int64>
    /// When nil, each configuration's own calling window decides when an unprocessed delivery expires.
    var expiry: ClosedRange<Int64>?
    var cancelAfter: ClosedRange<Int64>
    var errorBeforeCall: ClosedRange<Int64>
    /// The dialer only calls in this local daily window, when zone offsets are known.
    var callingHours: (zone: DemoZoneOffsets, opens: Int64, closes: Int64)?

    /// The history: minutes to hours, calls placed 08:00-21:00 local.
    static func history(zone: DemoZoneOffsets) -> DemoTiming {
        DemoTiming(
            waitMean: 15 * 60, longWaitShare: 0.1, longWaitFactor: 8, maxWait: 20 * 3600,
            callMinimum: 40, callMean: 210, callMaximum: 45 * 60, shortCall: 15...45, smsSend: 2...20,
            expiry: nil, cancelAfter: 120...(10 * 3600), errorBeforeCall: 5...600,
            callingHours: (zone, 8 * 3600, 21 * 3600))
    }

    /// The live feed: everything happens within half an hour, at any time of day.
    static let live = DemoTiming(
        waitMean: 90, longWaitShare: 0.1, longWaitFactor: 4, maxWait: 15 * 60,
        callMinimum: 30, callMean: 100, callMaximum: 8 * 60, shortCall: 10...40, smsSend: 2...15,
        expiry: (15 * 60)...(25 * 60), cancelAfter: 60...(15 * 60), errorBeforeCall: 5...120,
        callingHours: nil)

    /// The longest a live-feed delivery can stay unfinished.
    static let liveMaximumLifetime: Int64 = 30 * 60

    /// Dial modes by code (see `DemoDeliveryFactory.dialModes`); -1 is a delivery without one (SMS).
    @inline(__always) static func waitFactor(dialMode: Int, sms: Bool) -> Double {
        if sms { return 0.3 }
        switch dialMode {
        case DemoDialMode.predictive: return 0.5
        case DemoDialMode.copilot: return 0.7
        case DemoDialMode.progressive: return 0.8
        default: return 1.6
        }
    }
}

/// Dial modes as small codes, indices into `labels`.
enum DemoDialMode {
    static let none = -1
    static let copilot = 0
    static let progressive = 1
    static let preview = 2
    static let predictive = 3
    static let labels = ["Copilot", "Progressive", "Preview", "Predictive"]

    static func code(_ label: String?) -> Int { label.flatMap { labels.firstIndex(of: $0) } ?? none }
}

/// The fate of one delivery: its final status and result, and when it moves.
struct DemoPlan: Sendable {
    var final: DemoOutcomes.Final
    var result: String
    /// When the call was placed (status InProcess, a conversation created); nil when it never got that far.
    var inProcessAt: Int64?
    var finalAt: Int64
    var conversationIsOutbound: Bool
    /// The bits of the id of the conversation the call creates (drawn up front so the random stream does not
    /// depend on when the id is needed).
    var conversationBits: (UInt64, UInt64) = (0, 0)

    var finalStatus: String { DemoOutcomes.finalLabels[final.rawValue] }
    var conversationId: String { DemoGUID.make(high: conversationBits.0, low: conversationBits.1) }

    /// Draws a plan for a delivery created at `created`.
    static func draw(
        created: Int64, dialMode: Int, sms: Bool, window: Int64, legacy: Bool, timing: DemoTiming,
        rng: inout DemoRandom
    ) -> DemoPlan {
        var final = DemoOutcomes.Final(
            rawValue: (sms ? DemoOutcomes.smsFinal : DemoOutcomes.voiceFinal).pick(&rng)) ?? .complete
        let outbound = !rng.chance(DemoOutcomes.incomingConversationShare)
        let expiresAt = created + (timing.expiry.map { rng.between($0.lowerBound, $0.upperBound) } ?? window)

        if final == .error && rng.chance(0.4) {
            // Rejected before a call was placed.
            let at = created + rng.between(timing.errorBeforeCall.lowerBound, timing.errorBeforeCall.upperBound)
            return DemoPlan(
                final: .error, result: DemoOutcomes.errorResults.labels[DemoOutcomes.errorResults.pick(&rng)],
                inProcessAt: nil, finalAt: at, conversationIsOutbound: outbound)
        }
        if final == .cancelled {
            let at = created + rng.between(timing.cancelAfter.lowerBound, timing.cancelAfter.upperBound)
            if at < expiresAt {
                return DemoPlan(
                    final: .cancelled,
                    result: DemoOutcomes.cancelledResults.labels[DemoOutcomes.cancelledResults.pick(&rng)],
                    inProcessAt: nil, finalAt: at, conversationIsOutbound: outbound)
            }
            final = .expired
        }

        var callAt: Int64 = created
        var result = ""
        var duration: Int64 = 0
        if final == .complete || final == .error {
            var wait = rng.exponential(mean: timing.waitMean * DemoTiming.waitFactor(dialMode: dialMode, sms: sms))
            if rng.chance(timing.longWaitShare) { wait *= timing.longWaitFactor }
            var start = created
            if let hours = timing.callingHours {
                start = hours.zone.nextInstant(inDailyWindowFrom: hours.opens, to: hours.closes, atOrAfter: created)
            }
            callAt = start + 1 + Int64(min(wait, timing.maxWait))
            if final == .complete {
                let table: DemoResultTable
                if sms {
                    table = DemoOutcomes.smsResults
                } else {
                    switch dialMode {
                    case DemoDialMode.predictive: table = DemoOutcomes.predictiveResults
                    case DemoDialMode.copilot: table = DemoOutcomes.copilotResults
                    default: table = DemoOutcomes.voiceResults
                    }
                }
                let index = table.pick(&rng)
                if !sms && legacy && rng.chance(DemoOutcomes.legacyBusyShare) {
                    result = "Busy"
                    duration = rng.between(timing.shortCall.lowerBound, timing.shortCall.upperBound)
                } else {
                    result = table.labels[index]
                    if sms {
                        duration = rng.between(timing.smsSend.lowerBound, timing.smsSend.upperBound)
                    } else if table.short[index] {
                        duration = rng.between(timing.shortCall.lowerBound, timing.shortCall.upperBound)
                    } else {
                        duration = timing.callMinimum
                            + Int64(min(rng.exponential(mean: timing.callMean), timing.callMaximum))
                    }
                }
            } else {
                result = DemoOutcomes.errorResults.labels[DemoOutcomes.errorResults.pick(&rng)]
                duration = rng.between(3, 90)
            }
            // Not reached within the calling window: it expires instead.
            if callAt >= expiresAt { final = .expired }
        }
        if final == .expired {
            return DemoPlan(
                final: .expired,
                result: DemoOutcomes.expiredResults.labels[DemoOutcomes.expiredResults.pick(&rng)],
                inProcessAt: nil, finalAt: expiresAt, conversationIsOutbound: outbound)
        }
        return DemoPlan(
            final: final, result: result, inProcessAt: callAt, finalAt: callAt + max(1, duration),
            conversationIsOutbound: outbound, conversationBits: (rng.next(), rng.next()))
    }
}
