import DashboardModel
import Foundation
import Synchronization

/// Settings of the sync's reading.
public struct SyncSettings: Sendable {
    /// `Prefer: odata.maxpagesize` (the service sends at most 5,000 and may send fewer).
    public var pageSize: Int
    /// How far back a modifiedon poll reaches before the last poll (elastic tables are eventually consistent).
    public var pollingOverlap: TimeInterval
    /// Conversation ids per GET (the `In` function, about 45 URL bytes an id: 600 make a URL of about 27 KB, within
    /// the 32 KB the Web API accepts on a request line, and well within the 64 KB it accepts inside a `$batch`).
    public var conversationBatch: Int
    /// GETs of conversations per `$batch` request (one request in flight for the table, several reads in it): 10
    /// GETs of 600 ids hold every conversation a page of 5,000 deliveries can link to, so a page needs one request.
    public var conversationGetsPerRequest: Int

    public init(pageSize: Int = 5000, pollingOverlap: TimeInterval = 300, conversationBatch: Int = 600, conversationGetsPerRequest: Int = 10) {
        self.pageSize = pageSize
        self.pollingOverlap = pollingOverlap
        self.conversationBatch = conversationBatch
        self.conversationGetsPerRequest = conversationGetsPerRequest
    }
}

/// One round of the sync: configurations, queues and deliveries (each by its cursor: a full read, its delta link,
/// or a modifiedon poll), then the conversations deliveries link to. Every page goes to the store with the cursor
/// that follows it, in one transaction, so a kill at any moment resumes with nothing lost or counted twice.
/// While the store applies a page the next one is already being fetched (still one request in flight per table).
public final class SyncEngine: Sendable {
    public static let tableOrder: [SyncTable] = [.configurations, .queues, .deliveries]

    let store: DeliveryStore
    let client: WebAPIClient
    let settings: SyncSettings
    let clock: any SyncClock
    let progress: (@Sendable (SyncProgress) -> Void)?
    let log: @Sendable (String) -> Void
    /// The newest `Date` a page's reply carried in this round (the service's clock, for the status).
    private let latestServerDate = Mutex<Date?>(nil)
    /// Where transactions run (off the cooperative pool, which fetches).
    private let storeQueue = StoreQueue()

    public init(store: DeliveryStore, client: WebAPIClient, settings: SyncSettings = SyncSettings(), clock: any SyncClock = SystemClock(),
                progress: (@Sendable (SyncProgress) -> Void)? = nil, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.store = store
        self.client = client
        self.settings = settings
        self.clock = clock
        self.progress = progress
        self.log = log
    }

    /// Runs one round and records its outcome in the store (success, or the failure's one-line wording).
    public func round() async -> RoundReport {
        let started = clock.now()
        var report = RoundReport()
        let conversations = RoundConversations(storeHeldNone: (try? store.holdsNoConversations()) ?? false)
        do {
            for table in Self.tableOrder { report.tables.append(try await read(table, conversations)) }
            report.tables.append(try await readConversations(conversations))
            try store.recordSyncSuccess(at: clock.now(), serverTime: latestServerDate.withLock { $0 })
        } catch {
            let message = Self.wording(error)
            report.failure = message
            do { try store.recordSyncFailure(at: clock.now(), message: message) } catch {
                report.failure = message + " (and the failure could not be recorded: \(error))"
            }
        }
        // The arrays kept for pages go with the round: a long-running sync between rounds holds none of them.
        PageBuffers.shared.removeAll()
        report.seconds = clock.now().timeIntervalSince(started)
        return report
    }

    /// An error as the status line shows it: one line, no token.
    static func wording(_ error: Error) -> String {
        let text: String
        switch error {
        case let failure as SyncFailure: text = failure.description
        case let failure as TokenError: text = "authentication failed: " + failure.description
        default: text = String(describing: error)
        }
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return Redaction.message(line)
    }

    // MARK: Tables

    private func read(_ table: SyncTable, _ conversations: RoundConversations) async throws -> TableRoundReport {
        switch try store.syncCursor(for: table) {
        case nil:
            return try await fullRead(table, from: nil, startedAt: nil, conversations)
        case .fullRead(let link, let startedAt)?:
            return try await fullRead(table, from: link, startedAt: startedAt, conversations)
        case .delta(let link)?:
            do {
                return try await deltaRead(table, link: link, conversations)
            } catch SyncFailure.deltaRefused(let status, let url) {
                log("\(WebAPITable.entitySet(table)): the service refused the delta token (\(status) \(HTTPStatusText.phrase(status)), \(url)); reading the table again")
                try store.resetSyncCursor(for: table)
                var report = try await fullRead(table, from: nil, startedAt: nil, conversations)
                report.restarted = true
                return report
            }
        case .polling(let since)?:
            return try await poll(table, since: since, conversations)
        }
    }

    private var preferFull: [String] { ["odata.track-changes", "odata.maxpagesize=\(settings.pageSize)"] }
    private var preferPage: [String] { ["odata.maxpagesize=\(settings.pageSize)"] }

    private func fullRead(_ table: SyncTable, from link: String?, startedAt: Date?, _ conversations: RoundConversations) async throws -> TableRoundReport {
        let first: URL
        if let link {
            guard let url = URL(string: link) else { throw SyncFailure.malformedPage(why: "a stored next link is not a URL", url: "(stored cursor)") }
            first = url
        } else {
            guard let url = WebAPITable.url(root: client.apiRoot, table) else { throw SyncFailure.malformedPage(why: "bad organization URL", url: client.org.absoluteString) }
            first = url
        }
        let started = startedAt ?? clock.now()
        var report = TableRoundReport(table: table, kind: .fullRead)
        let total = link == nil && progress != nil ? await count(table) : nil
        let clockStart = clock.now()
        let read = try await pages(from: first, prefer: preferFull, isDeltaLink: false, table: table, conversations: conversations, progress: { pages, rows in
            self.progress?(SyncProgress(table: table, kind: .fullRead, pages: pages, rows: rows, total: total,
                                        seconds: self.clock.now().timeIntervalSince(clockStart)))
        }) { page in
            if let next = page.links.nextLink { return .fullRead(nextLink: next, startedAt: started) }
            if let delta = page.links.deltaLink { return .delta(deltaLink: delta) }
            // No change tracking on this table: from now on, poll by modifiedon (deletions cannot be seen).
            return .polling(since: started)
        }
        report.add(read)
        if case .polling? = read.lastCursor { report.deletionsInvisible = true }
        return report
    }

    private func deltaRead(_ table: SyncTable, link: String, _ conversations: RoundConversations) async throws -> TableRoundReport {
        guard let first = URL(string: link) else { throw SyncFailure.malformedPage(why: "a stored delta link is not a URL", url: "(stored cursor)") }
        var report = TableRoundReport(table: table, kind: .delta)
        let read = try await pages(from: first, prefer: preferPage, isDeltaLink: true, table: table, conversations: conversations) { page in
            if let next = page.links.nextLink { return .delta(deltaLink: next) }
            if let delta = page.links.deltaLink { return .delta(deltaLink: delta) }
            throw SyncFailure.malformedPage(why: "a page of changes without a next or delta link", url: Redaction.url(page.url))
        }
        report.add(read)
        return report
    }

    private func poll(_ table: SyncTable, since: Date, _ conversations: RoundConversations) async throws -> TableRoundReport {
        let from = since.addingTimeInterval(-settings.pollingOverlap)
        guard let first = WebAPITable.url(root: client.apiRoot, table, extra: [("$filter", "modifiedon ge " + Self.iso(from))]) else {
            throw SyncFailure.malformedPage(why: "bad organization URL", url: client.org.absoluteString)
        }
        var report = TableRoundReport(table: table, kind: .polling)
        report.deletionsInvisible = true
        let requestedAt = clock.now()
        var roundStart: Date?
        let read = try await pages(from: first, prefer: preferPage, isDeltaLink: false, table: table, conversations: conversations) { page in
            if roundStart == nil { roundStart = min(page.serverDate ?? requestedAt, requestedAt) }
            return page.links.nextLink == nil ? .polling(since: roundStart ?? requestedAt) : .polling(since: since)
        }
        report.add(read)
        return report
    }

    // MARK: Conversations

    /// The column of a delivery that names its conversation.
    static let deliveryConversationColumn = "msdyn_conversation_id"

    /// The conversations the round has not read yet that deliveries link to (the store's wanted ids: those the
    /// delivery pages' stage did not find, and those left by earlier rounds or imports), by id: requests of
    /// `conversationGetsPerRequest` GETs of `conversationBatch` ids each (one `$batch` POST, the GETs' URLs in its
    /// body), one in flight, fetched ahead while the store applies about 4 MB of answers a transaction.
    private func readConversations(_ round: RoundConversations) async throws -> TableRoundReport {
        var report = TableRoundReport(table: .conversations, kind: .conversations)
        (report.pages, report.rows) = round.applied
        let clockStart = clock.now()
        let batch = max(1, settings.conversationBatch) * max(1, settings.conversationGetsPerRequest)
        while true {
            let wanted = try store.wantedConversationIds(limit: batch * 10)
            if wanted.isEmpty { break }
            // Ids asked for already in this round (the service did not return them) and ids that are not GUIDs are
            // not asked for (again); every wanted id leaves the list below.
            let ids = round.claim(wanted)
            let batches = stride(from: 0, to: ids.count, by: batch).map { Array(ids[$0..<min($0 + batch, ids.count)]) }
            let queued = QueuedCount()
            let stream = Self.produced { (continuation: AsyncThrowingStream<[FetchedPage], Error>.Continuation) in
                for ids in batches {
                    while queued.value >= 16 { try await Task.sleep(nanoseconds: 2_000_000) }
                    let pages = try await self.conversationPages(ids)
                    queued.add(1)
                    continuation.yield(pages)
                }
            }
            var held = HeldPages()
            for try await pages in stream {
                queued.add(-1)
                for page in pages { held.add(page) }
                // About 20,000 conversations (200 bytes each) a transaction: each one stored rewrites the page of
                // the deliveries that link to it, pages spread over the whole table, so larger transactions write
                // each page fewer times (at 1M deliveries, 5,000 a transaction wrote about one page per conversation).
                if held.bytes.count >= 4_000_000 { try await applyHeld(&held, report: &report) }
                progress?(SyncProgress(table: .conversations, kind: .conversations, pages: report.pages + held.pages, rows: report.rows,
                                       total: nil, seconds: clock.now().timeIntervalSince(clockStart)))
            }
            try await applyHeld(&held, report: &report)
            // A conversation stored has left the wanted list by itself; the ids the service did not return (or that
            // are not GUIDs, or were asked for already) leave it here, so they are not asked for again until a
            // delivery links to them anew.
            try store.forgetWantedConversations(wanted)
        }
        return report
    }

    /// Conversation pages waiting to be applied together.
    private struct HeldPages {
        var bytes: [UInt8] = []
        var pages = 0
        var firstURL: URL?

        /// Held pages of these sizes will follow: room for them (an array handed back by the store once it read the
        /// pages it went with, `PageBuffers`).
        mutating func reserve(for pages: [FetchedPage]) {
            let total = pages.reduce(bytes.count) { $0 + $1.bytes.count + 1 }
            if bytes.isEmpty && bytes.capacity < total { bytes = PageBuffers.shared.take(capacity: total) }
        }

        mutating func add(_ page: FetchedPage) {
            if !bytes.isEmpty { bytes.append(0x0A) }
            bytes.append(contentsOf: page.bytes)
            pages += 1
            if firstURL == nil { firstURL = page.url }
        }

        /// The held pages as the companions of a delivery page.
        var companions: SyncPage.Companions? {
            guard let firstURL else { return nil }
            return SyncPage.Companions(bytes: bytes, source: HeldPages.source(firstURL, pages), pages: pages)
        }

        static func source(_ url: URL, _ pages: Int) -> String {
            Redaction.url(url) + (pages > 1 ? " and \(pages - 1) more pages" : "")
        }
    }

    private func applyHeld(_ held: inout HeldPages, report: inout TableRoundReport) async throws {
        guard let url = held.firstURL else { return }
        let source = HeldPages.source(url, held.pages)
        let outcome: SyncPageOutcome
        let (store, bytes, now) = (self.store, held.bytes, clock.now())
        do {
            outcome = try await storeQueue.run { try store.applySyncPage(bytes, table: .conversations, source: source, cursor: nil, now: now) }
        } catch let error as ImportError {
            throw SyncFailure.malformedPage(why: Redaction.message(String(describing: error)), url: source)
        }
        report.pages += held.pages
        report.rows += outcome.rows
        held = HeldPages()
    }

    /// The conversations a page of deliveries links to that this round has not asked for and the store does not
    /// hold, fetched now (one request in flight), to be applied with the page, before it, in its transaction.
    private func companions(of page: FetchedPage, _ round: RoundConversations) async throws -> SyncPage.Companions? {
        let fresh = round.claim(page.links.collected)
        guard !fresh.isEmpty else { return nil }
        // A few milliseconds of index lookups on a reading connection (never behind the writer's transaction); none
        // in a round that began on a store without conversations (a first sync).
        let stored = round.storeHeldNone ? [] : try store.storedConversationIds(among: fresh)
        let ids = stored.isEmpty ? fresh : fresh.filter { !stored.contains($0) }
        let batch = max(1, settings.conversationBatch) * max(1, settings.conversationGetsPerRequest)
        var held = HeldPages()
        ImportTrace.mark("sync: \(ids.count) conversations requested")
        for start in stride(from: 0, to: ids.count, by: batch) {
            let fetched = try await conversationPages(Array(ids[start..<min(start + batch, ids.count)]))
            held.reserve(for: fetched)
            for page in fetched { held.add(page) }
        }
        ImportTrace.mark("sync: conversations received (\(held.bytes.count) bytes)")
        return held.companions
    }

    /// Every page of the conversations with these ids: one `$batch` request of GETs (`conversationBatch` ids each, one
    /// or more),
    /// then any next links (not expected: a GET names fewer rows than a page holds) one GET at a time.
    private func conversationPages(_ ids: [String]) async throws -> [FetchedPage] {
        let client = self.client
        let prefer = preferPage
        let perGet = max(1, settings.conversationBatch)
        var urls: [URL] = []
        for start in stride(from: 0, to: ids.count, by: perGet) {
            guard let url = WebAPITable.conversationsURL(root: client.apiRoot, ids: Array(ids[start..<min(start + perGet, ids.count)])) else {
                throw SyncFailure.malformedPage(why: "bad organization URL", url: client.org.absoluteString)
            }
            urls.append(url)
        }
        var pages: [FetchedPage] = []
        // Always a `$batch`, even of one GET: its URL (up to about 27 KB) travels in the body, not on a request line.
        let replies = try await client.batchGet(urls, prefer: prefer)
        for (url, reply) in zip(urls, replies) {
            var page = try FetchedPage.make(url: url, reply: reply)
            pages.append(page)
            while let next = page.links.nextLink {
                guard let nextURL = URL(string: next), EndpointPolicy.sameOrigin(nextURL, as: client.org) else {
                    throw SyncFailure.refusedLink(url: Redaction.url(next))
                }
                page = try FetchedPage.make(url: nextURL, reply: try await client.get(nextURL, prefer: prefer))
                pages.append(page)
            }
        }
        return pages
    }

    // MARK: Pages

    /// What `pages` applied.
    struct PagesRead {
        var pages = 0
        var rows = 0
        var deleted = 0
        var lastCursor: SyncCursor?
    }

    /// Follows `@odata.nextLink` from `first` (one request in flight; a link to another host is refused: the token
    /// goes only to the organization) while the store applies the pages already received, each with its cursor from
    /// `cursor`, on its own thread (`write`, `commitPolicy`). At most `pagesAhead` fetched pages wait in memory.
    ///
    /// Pages of deliveries pass through a second stage on their way to the store: the conversations a page links to
    /// that the round has not asked for and the store lacks are fetched (one request in flight for that table,
    /// while the next page of deliveries is fetched and the store applies the one before) and travel with the page
    /// into its transaction, applied first: the deliveries are stored with their direction, and nothing moves later.
    private func pages(from first: URL, prefer: [String], isDeltaLink: Bool, table: SyncTable,
                       conversations round: RoundConversations,
                       progress: ((Int, Int) -> Void)? = nil,
                       cursor: (FetchedPage) throws -> SyncCursor) async throws -> PagesRead {
        let client = self.client
        let queued = QueuedCount()
        let column = table == .deliveries ? Self.deliveryConversationColumn : nil
        // Requests, one at a time: a page that ends with its next link (as the Web API's do) is read whole in the
        // stage below, while the next one is on its way; any other is read whole here first.
        let fetched = Self.produced { (continuation: AsyncThrowingStream<ReceivedPage, Error>.Continuation) in
            var url: URL? = first
            while let current = url {
                while queued.value >= Self.pagesAhead { try await Task.sleep(nanoseconds: 2_000_000) }
                ImportTrace.mark("sync: \(table.rawValue) page requested")
                let reply = try await client.get(current, prefer: prefer, isDeltaLink: isDeltaLink)
                var received = ReceivedPage(url: current, reply: reply, trailingNextLink: ODataPageLinks.trailingNextLink(reply.bytes))
                if received.trailingNextLink == nil {
                    received.page = try FetchedPage.make(url: current, reply: reply, collecting: column)
                }
                ImportTrace.mark("sync: \(table.rawValue) page received (\(reply.bytes.count) bytes)")
                url = nil
                if let next = received.nextLink {
                    guard let nextURL = URL(string: next) else {
                        throw SyncFailure.malformedPage(why: "@odata.nextLink is not a URL", url: Redaction.url(current))
                    }
                    guard EndpointPolicy.sameOrigin(nextURL, as: client.org) else { throw SyncFailure.refusedLink(url: Redaction.url(nextURL)) }
                    url = nextURL
                }
                queued.add(1)
                continuation.yield(received)
            }
        }
        let stream = Self.produced { (continuation: AsyncThrowingStream<(FetchedPage, SyncPage.Companions?), Error>.Continuation) in
            for try await received in fetched {
                let page = try received.read(collecting: column)
                continuation.yield((page, column == nil ? nil : try await self.companions(of: page, round)))
            }
        }
        // The store takes the pages on its own thread, inside transactions it keeps open while pages arrive
        // (`commitPolicy`), and commits whenever the stream pauses or ends.
        let handOff = PageHandOff(taken: { queued.add(-1) })
        let applied = AppliedRows()
        let store = self.store
        let clock = self.clock
        async let writing = storeQueue.run {
            try Self.write(handOff, into: store, table: table, clock: clock, applied: applied)
        }
        var read = PagesRead()
        var fetchFailure: Error?
        do {
            for try await (page, companions) in stream {
                if let date = page.serverDate { latestServerDate.withLock { $0 = max($0 ?? date, date) } }
                let handed = SyncPage(bytes: page.bytes, source: Redaction.url(page.url), cursor: try cursor(page), conversations: companions)
                read.lastCursor = handed.cursor
                guard handOff.put(handed) else { break }  // the store failed: its error is below
                read.pages += 1
                progress?(read.pages, applied.rows)
            }
        } catch {
            // Pages received before a failed request (or a page without its links) are whole: they are applied.
            fetchFailure = error
        }
        handOff.close()
        let outcome: SyncPageOutcome
        do { outcome = try await writing } catch {
            if error is ImportError {
                throw SyncFailure.malformedPage(why: Redaction.message(String(describing: error)), url: applied.failedSource ?? "")
            }
            throw error
        }
        if let fetchFailure { throw fetchFailure }
        read.rows = outcome.rows
        read.deleted = outcome.deleted
        round.applied(pages: outcome.conversationPages, rows: outcome.conversationRows)
        progress?(read.pages, read.rows)
        return read
    }

    /// How the store cuts the pages into transactions: one stays open while pages keep coming, up to 375,000
    /// entries (75 pages of deliveries alone) or 8 seconds, and commits when the stream ends or pauses (`pause`;
    /// longer for a young transaction of a large store, `CommitPatience`). So a small store that keeps up commits every page (a kill
    /// loses nothing received), and a large one commits about once every four times its commit's cost: each
    /// transaction's end costs the writer 0.6-0.9 s at a million rows (counts, links, snapshot, commit). A first read
    /// of a million deliveries and their half million conversations thus ends four transactions, not six (10.8 s
    /// against 11.3 s, medians of five pairs); 500,000 were faster still but peaked at 300-320 MB, a transaction's
    /// state growing with it.
    static let commitPolicy = SyncCommitPolicy(maxEntries: 375_000, maxSeconds: 8)
    /// No page waiting for this long: the transaction commits.
    static let pause = 0.05

    /// The store's side of `pages`, on the store's thread: every page handed over, in as few transactions as
    /// `commitPolicy` allows, until the stream ends. A failure refuses the pages still coming.
    private static func write(_ handOff: PageHandOff, into store: DeliveryStore, table: SyncTable, clock: any SyncClock,
                              applied: AppliedRows) throws -> SyncPageOutcome {
        var total = SyncPageOutcome()
        var current = ""
        var patience = CommitPatience()
        do {
            while let first = handOff.take(waiting: .infinity) {
                var pending: SyncPage? = first
                current = first.source
                // `next` runs on the store's reading thread, one call at a time, and not after the call returns.
                // Between two transactions (no age) it waits the pause only: no transaction is held open then, and a
                // page later than that begins the next call.
                let outcome = try store.applySyncPages(table: table, now: clock.now(), policy: commitPolicy) { request in
                    if let end = request.lastEndSeconds { patience.ended(seconds: end) }
                    if let page = pending {
                        pending = nil
                        return page
                    }
                    let wait = request.transactionAge.map {
                        patience.wait(age: $0, pause: pause, maxSeconds: commitPolicy.maxSeconds)
                    } ?? pause
                    let page = handOff.take(waiting: wait)
                    if let page { current = page.source }
                    return page
                }
                if let end = outcome.lastEndSeconds { patience.ended(seconds: end) }
                ImportTrace.mark("sync: \(outcome.transactions) transactions committed")
                total.add(outcome)
                applied.add(outcome.rows)
            }
        } catch {
            handOff.refuse()
            applied.failed(at: current)
            throw error
        }
        return total
    }

    /// A stream fed by `produce` in a task of its own: it ends when `produce` returns and fails with its error (a
    /// cancellation as `SyncFailure.cancelled`); the task is cancelled when the stream's reader goes.
    static func produced<Element: Sendable>(
        _ produce: @escaping @Sendable (AsyncThrowingStream<Element, Error>.Continuation) async throws -> Void
    ) -> AsyncThrowingStream<Element, Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    try await produce(continuation)
                    continuation.finish()
                } catch is CancellationError {
                    continuation.finish(throwing: SyncFailure.cancelled)
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Pages fetched ahead of the store at most (each about 4.9 MB with its conversations). More keep the requests
    /// going while the writer ends a transaction (8 were 0.4-0.6 s faster in a first read of a million deliveries with
    /// their conversations) but took its peak to 270-297 MB; with 6 it was 259-278 MB, under 300 MB with more room.
    static let pagesAhead = 6

    /// How many rows a table has, when the service says (`$count` stops at 5,000: above it, unknown).
    private func count(_ table: SyncTable) async -> Int? {
        guard let url = URL(string: client.apiRoot + WebAPITable.entitySet(table) + "/$count"),
              let reply = try? await client.get(url, prefer: []) else { return nil }
        let text = String(decoding: reply.body.prefix(32), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let n = Int(text), n >= 0, n < 5000 else { return nil }
        return n
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// Rows the store has committed in this read (for the progress line), and the page it failed on.
private final class AppliedRows: Sendable {
    private let state = Mutex<(rows: Int, failed: String?)>((0, nil))
    var rows: Int { state.withLock { $0.rows } }
    var failedSource: String? { state.withLock { $0.failed } }
    func add(_ n: Int) { state.withLock { $0.rows += n } }
    func failed(at source: String) { state.withLock { $0.failed = source } }
}

/// Pages fetched and not yet taken by the store.
private final class QueuedCount: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func add(_ n: Int) { count.withLock { $0 += n } }
}
