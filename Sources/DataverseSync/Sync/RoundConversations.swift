import Foundation
import Synchronization

/// The conversations one round of the sync has asked for (or found stored) and what it applied of them, shared by
/// the delivery pages' conversation stage and the round's last pass over the store's wanted ids: an id is asked
/// for at most once a round. Ids are kept as 16-byte GUIDs (a 1M-delivery first sync asks for about 500,000).
final class RoundConversations: Sendable {
    private struct State {
        var asked = Set<GUIDBits>()
        var pages = 0
        var rows = 0
    }

    private let state = Mutex(State())
    /// The store held no conversation when the round began: every one it holds since came in this round, asked
    /// for by it, so an id not yet asked for is not stored (a conversation imported meanwhile would only be read
    /// again), and the conversation stage need not look the page's ids up in the store.
    let storeHeldNone: Bool

    init(storeHeldNone: Bool = false) { self.storeHeldNone = storeHeldNone }

    /// Of `ids` (GUID text; anything else is dropped: only GUIDs go into a `$filter`), those not yet asked for in
    /// this round, in their order, without repeats, lower-cased; they count as asked from now on.
    func claim(_ ids: [String]) -> [String] {
        // Read outside the lock (a page brings about 2,500 ids): only the set is shared.
        let parsed = ids.compactMap { id in GUIDBits(id).map { (id, $0) } }
        return state.withLock { state in
            var fresh: [String] = []
            fresh.reserveCapacity(parsed.count)
            for (id, bits) in parsed where state.asked.insert(bits).inserted {
                fresh.append(bits.hasUpperCase ? id.lowercased() : id)
            }
            return fresh
        }
    }

    /// Whether the id was asked for in this round.
    func wasAsked(_ id: String) -> Bool {
        guard let bits = GUIDBits(id) else { return false }
        return state.withLock { $0.asked.contains(bits) }
    }

    /// Conversation pages and rows applied with delivery pages.
    func applied(pages: Int, rows: Int) {
        state.withLock {
            $0.pages += pages
            $0.rows += rows
        }
    }

    var applied: (pages: Int, rows: Int) { state.withLock { ($0.pages, $0.rows) } }
}

/// A GUID as Dataverse prints one (`8-4-4-4-12` hex digits, either case), read into its 128 bits in one pass over
/// the text: the conversation stage reads some 2,500 ids a page, and Foundation's `UUID(uuidString:)` with a shape
/// check cost 5 ms of them.
struct GUIDBits: Hashable, Sendable {
    let high: UInt64
    let low: UInt64
    /// The text had upper-case hex digits.
    let hasUpperCase: Bool

    init?(_ text: String) {
        var high: UInt64 = 0, low: UInt64 = 0, upper = false, count = 0
        for b in text.utf8 {
            if count == 8 || count == 13 || count == 18 || count == 23 {
                guard b == UInt8(ascii: "-") else { return nil }
                count += 1
                continue
            }
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"):
                digit = b - UInt8(ascii: "A") + 10
                upper = true
            default: return nil
            }
            guard count < 36 else { return nil }
            if count < 18 { high = high << 4 | UInt64(digit) } else { low = low << 4 | UInt64(digit) }
            count += 1
        }
        guard count == 36 else { return nil }
        self.high = high
        self.low = low
        hasUpperCase = upper
    }

    static func == (a: GUIDBits, b: GUIDBits) -> Bool { a.high == b.high && a.low == b.low }
    func hash(into hasher: inout Hasher) {
        hasher.combine(high)
        hasher.combine(low)
    }
}
