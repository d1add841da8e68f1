import Foundation

/// The `--max-requests-per-minute` ceiling: a token bucket refilled at N/60 tokens a second that holds at most
/// one second's worth (at least one token), so no minute sees more than about N + N/60 requests and bursts stay small.
public actor RequestRateLimiter {
    private let perSecond: Double
    private let capacity: Double
    private var tokens: Double
    private var last: Date?
    private let clock: any SyncClock

    public init(requestsPerMinute: Int, clock: any SyncClock) {
        perSecond = Double(max(requestsPerMinute, 1)) / 60
        capacity = max(1, perSecond.rounded(.down))
        tokens = capacity
        self.clock = clock
    }

    /// Waits until a request may go.
    public func acquire() async throws {
        while true {
            let now = clock.now()
            if let last { tokens = min(capacity, tokens + now.timeIntervalSince(last) * perSecond) }
            last = now
            if tokens >= 1 {
                tokens -= 1
                return
            }
            try await clock.sleep(seconds: (1 - tokens) / perSecond)
        }
    }
}
