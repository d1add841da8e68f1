import DashboardModel
import Foundation
import Synchronization

/// The conversations one round of the sync has asked for (or found stored) and what it applied of them, shared by
/// the delivery pages' conversation stage and the round's last pass over the store's wanted ids: an id is asked
/// for at most once a round. Ids are kept as 16-byte GUIDs (a 1M-delivery first sync asks for about 500,000).
final class RoundConversations: Sendable {
    private struct State {
        var asked = Set<AskedGUID>()
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
        let parsed = ids.compactMap(Self.guid)
        return state.withLock { state in
            var fresh: [String] = []
            fresh.reserveCapacity(parsed.count)
            for (text, bits) in parsed where state.asked.insert(bits).inserted { fresh.append(text) }
            return fresh
        }
    }

    /// Whether the id was asked for in this round.
    func wasAsked(_ id: String) -> Bool {
        guard let (_, bits) = Self.guid(id) else { return false }
        return state.withLock { $0.asked.contains(bits) }
    }

    /// A GUID's 128 bits, as the store packs them.
    private struct AskedGUID: Hashable {
        let high: UInt64
        let low: UInt64
    }

    /// A GUID (`8-4-4-4-12` hex digits, either case) as its lower-case text and its bits; nil for anything else.
    private static func guid(_ id: String) -> (text: String, bits: AskedGUID)? {
        var text = id.utf8.contains { $0 &- UInt8(ascii: "A") < 6 } ? id.lowercased() : id
        guard let bits = text.withUTF8({ GUIDBytes.pack($0) }) else { return nil }
        return (text, AskedGUID(high: bits.0, low: bits.1))
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
