import Foundation
import Synchronization

/// The conversations one round of the sync has asked for (or found stored) and what it applied of them, shared by
/// the delivery pages' conversation stage and the round's last pass over the store's wanted ids: an id is asked
/// for at most once a round. Ids are kept as 16-byte GUIDs (a 1M-delivery first sync asks for about 500,000).
final class RoundConversations: Sendable {
    private struct State {
        var asked = Set<UUID>()
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
        state.withLock { state in
            var fresh: [String] = []
            for id in ids where WebAPITable.isGUID(id) {
                guard let guid = UUID(uuidString: id), state.asked.insert(guid).inserted else { continue }
                fresh.append(id.lowercased())
            }
            return fresh
        }
    }

    /// Whether the id was asked for in this round.
    func wasAsked(_ id: String) -> Bool {
        guard let guid = UUID(uuidString: id) else { return false }
        return state.withLock { $0.asked.contains(guid) }
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
