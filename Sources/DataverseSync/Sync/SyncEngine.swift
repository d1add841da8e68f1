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
    /// GETs of conversations per `$batch` request (one request in flight for the table, several reads in it).
    public var conversationGetsPerRequest: Int

    public init(pageSize: Int = 5000, pollingOverlap: TimeInterval = 300, conversationBatch: Int = 600, conversationGetsPerRequest: Int = 4) {
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
        do {
            for table in Self.tableOrder { report.tables.append(try await read(table)) }
            report.tables.append(try await readConversations())
            try store.recordSyncSuccess(at: clock.now(), serverTime: latestServerDate.withLock { $0 })
        } catch {
            let message = Self.wording(error)
            report.failure = message
            do { try store.recordSyncFailure(at: clock.now(), message: message) } catch {
                report.failure = message + " (and the failure could not be recorded: \(error))"
            }
        }
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

    private func read(_ table: SyncTable) async throws -> TableRoundReport {
        switch try store.syncCursor(for: table) {
        case nil:
            return try await fullRead(table, from: nil, startedAt: nil)
        case .fullRead(let link, let startedAt)?:
            return try await fullRead(table, from: link, startedAt: startedAt)
        case .delta(let link)?:
            do {
                return try await deltaRead(table, link: link)
            } catch SyncFailure.deltaRefused(let status, let url) {
                log("\(WebAPITable.entitySet(table)): the service refused the delta token (\(status) \(HTTPStatusText.phrase(status)), \(url)); reading the table again")
                try store.resetSyncCursor(for: table)
                var report = try await fullRead(table, from: nil, startedAt: nil)
                report.restarted = true
                return report
            }
        case .polling(let since)?:
            return try await poll(table, since: since)
        }
    }

    private var preferFull: [String] { ["odata.track-changes", "odata.maxpagesize=\(settings.pageSize)"] }
    private var preferPage: [String] { ["odata.maxpagesize=\(settings.pageSize)"] }

    private func fullRead(_ table: SyncTable, from link: String?, startedAt: Date?) async throws -> TableRoundReport {
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
        let read = try await pages(from: first, prefer: preferFull, isDeltaLink: false, table: table, progress: { pages, rows in
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

    private func deltaRead(_ table: SyncTable, link: String) async throws -> TableRoundReport {
        guard let first = URL(string: link) else { throw SyncFailure.malformedPage(why: "a stored delta link is not a URL", url: "(stored cursor)") }
        var report = TableRoundReport(table: table, kind: .delta)
        let read = try await pages(from: first, prefer: preferPage, isDeltaLink: true, table: table) { page in
            if let next = page.links.nextLink { return .delta(deltaLink: next) }
            if let delta = page.links.deltaLink { return .delta(deltaLink: delta) }
            throw SyncFailure.malformedPage(why: "a page of changes without a next or delta link", url: Redaction.url(page.url))
        }
        report.add(read)
        return report
    }

    private func poll(_ table: SyncTable, since: Date) async throws -> TableRoundReport {
        let from = since.addingTimeInterval(-settings.pollingOverlap)
        guard let first = WebAPITable.url(root: client.apiRoot, table, extra: [("$filter", "modifiedon ge " + Self.iso(from))]) else {
            throw SyncFailure.malformedPage(why: "bad organization URL", url: client.org.absoluteString)
        }
        var report = TableRoundReport(table: table, kind: .polling)
        report.deletionsInvisible = true
        let requestedAt = clock.now()
        var roundStart: Date?
        let read = try await pages(from: first, prefer: preferPage, isDeltaLink: false, table: table) { page in
            if roundStart == nil { roundStart = min(page.serverDate ?? requestedAt, requestedAt) }
            return page.links.nextLink == nil ? .polling(since: roundStart ?? requestedAt) : .polling(since: since)
        }
        report.add(read)
        return report
    }

    // MARK: Conversations

    /// The conversations deliveries link to, by id: wanted ids in requests of `conversationGetsPerRequest` GETs of
    /// `conversationBatch` ids each (one `$batch` POST, the GETs' URLs in its body), the next request sent while the
    /// store applies the answers to the current one.
    private func readConversations() async throws -> TableRoundReport {
        var report = TableRoundReport(table: .conversations, kind: .conversations)
        var asked = Set<String>()
        let clockStart = clock.now()
        let batch = max(1, settings.conversationBatch) * max(1, settings.conversationGetsPerRequest)
        while true {
            let wanted = try store.wantedConversationIds(limit: batch * 10)
            let fresh = wanted.filter { !asked.contains($0.lowercased()) }
            if fresh.isEmpty { break }
            fresh.forEach { asked.insert($0.lowercased()) }
            // Only GUIDs go into a $filter: a delivery's text cannot change the query.
            let ids = fresh.filter(WebAPITable.isGUID)
            let batches = stride(from: 0, to: ids.count, by: batch).map { Array(ids[$0..<min($0 + batch, ids.count)]) }
            var held = HeldPages()
            var pending: Task<[FetchedPage], Error>? = batches.first.map { fetchConversations($0) }
            for index in batches.indices {
                guard let task = pending else { break }
                let pages: [FetchedPage]
                do { pages = try await task.value } catch is CancellationError { throw SyncFailure.cancelled }
                pending = index + 1 < batches.count ? fetchConversations(batches[index + 1]) : nil
                do {
                    for page in pages { held.add(page) }
                    // Pages of conversations carry no cursor: several go to the store in one transaction (as
                    // concatenated pages, which the import's reader reads), so the per-transaction cost is paid
                    // once per ~5,000 rows rather than once per batch.
                    // About 20,000 conversations (200 bytes each) a transaction: each one stored rewrites the page of
                    // the deliveries that link to it, pages spread over the whole table, so larger transactions write
                    // each page fewer times (at 1M deliveries, 5,000 a transaction wrote about one page per conversation).
                    if held.bytes.count >= 4_000_000 || index == batches.count - 1 { try applyHeld(&held, report: &report) }
                } catch {
                    pending?.cancel()
                    throw error
                }
                progress?(SyncProgress(table: .conversations, kind: .conversations, pages: report.pages, rows: report.rows, total: nil,
                                       seconds: clock.now().timeIntervalSince(clockStart)))
            }
            // A conversation stored has left the wanted list by itself; the ids the service did not return (or that
            // are not GUIDs) leave it here, so they are not asked for again until a delivery links to them anew.
            try store.forgetWantedConversations(fresh)
        }
        return report
    }

    /// Conversation pages waiting to be applied together.
    private struct HeldPages {
        var bytes: [UInt8] = []
        var pages = 0
        var firstURL: URL?

        mutating func add(_ page: FetchedPage) {
            if !bytes.isEmpty { bytes.append(0x0A) }
            bytes.append(contentsOf: page.bytes)
            pages += 1
            if firstURL == nil { firstURL = page.url }
        }
    }

    private func applyHeld(_ held: inout HeldPages, report: inout TableRoundReport) throws {
        guard let url = held.firstURL else { return }
        let source = Redaction.url(url) + (held.pages > 1 ? " and \(held.pages - 1) more pages" : "")
        let outcome: SyncPageOutcome
        do {
            outcome = try store.applySyncPage(held.bytes, table: .conversations, source: source, cursor: nil, now: clock.now())
        } catch let error as ImportError {
            throw SyncFailure.malformedPage(why: Redaction.message(String(describing: error)), url: source)
        }
        report.pages += held.pages
        report.rows += outcome.rows
        held = HeldPages()
    }

    /// Every page of the conversations with these ids: one `$batch` request of GETs (`conversationBatch` ids each),
    /// then any next links (not expected: a GET names fewer rows than a page holds) one GET at a time.
    private func fetchConversations(_ ids: [String]) -> Task<[FetchedPage], Error> {
        let client = self.client
        let prefer = preferPage
        let perGet = max(1, settings.conversationBatch)
        return Task {
            var urls: [URL] = []
            for start in stride(from: 0, to: ids.count, by: perGet) {
                guard let url = WebAPITable.conversationsURL(root: client.apiRoot, ids: Array(ids[start..<min(start + perGet, ids.count)])) else {
                    throw SyncFailure.malformedPage(why: "bad organization URL", url: client.org.absoluteString)
                }
                urls.append(url)
            }
            var pages: [FetchedPage] = []
            let replies = urls.count == 1 ? [try await client.get(urls[0], prefer: prefer)] : try await client.batchGet(urls, prefer: prefer)
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
    /// goes only to the organization) while the store applies the pages already received: every page waiting when
    /// the store is free goes into its next transaction (`applySyncPages`, at most 10 pages, each with its cursor
    /// from `cursor`, the last one saved), so a fast service meets few transactions and a slow one no waiting.
    /// At most 10 fetched pages wait in memory (the peak resident memory of a 1M sync stays under 300 MB).
    private func pages(from first: URL, prefer: [String], isDeltaLink: Bool, table: SyncTable,
                       progress: ((Int, Int) -> Void)? = nil,
                       cursor: (FetchedPage) throws -> SyncCursor) async throws -> PagesRead {
        let client = self.client
        let queued = QueuedCount()
        let stream = AsyncThrowingStream<FetchedPage, Error> { continuation in
            let producer = Task {
                var url: URL? = first
                do {
                    while let current = url {
                        while queued.value >= 10 { try await Task.sleep(nanoseconds: 5_000_000) }
                        let page = try FetchedPage.make(url: current, reply: try await client.get(current, prefer: prefer, isDeltaLink: isDeltaLink))
                        url = nil
                        if let next = page.links.nextLink {
                            guard let nextURL = URL(string: next) else {
                                throw SyncFailure.malformedPage(why: "@odata.nextLink is not a URL", url: Redaction.url(page.url))
                            }
                            guard EndpointPolicy.sameOrigin(nextURL, as: client.org) else { throw SyncFailure.refusedLink(url: Redaction.url(nextURL)) }
                            url = nextURL
                        }
                        queued.add(1)
                        continuation.yield(page)
                    }
                    continuation.finish()
                } catch is CancellationError {
                    continuation.finish(throwing: SyncFailure.cancelled)
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in producer.cancel() }
        }
        var read = PagesRead()
        var batch: [SyncPage] = []
        var storeRefused = false
        func flush() throws {
            guard !batch.isEmpty else { return }
            let outcome: SyncPageOutcome
            do { outcome = try store.applySyncPages(batch, table: table, now: clock.now()) } catch {
                storeRefused = true
                if error is ImportError {
                    throw SyncFailure.malformedPage(why: Redaction.message(String(describing: error)), url: batch.first?.source ?? "")
                }
                throw error
            }
            read.pages += batch.count
            read.rows += outcome.rows
            read.deleted += outcome.deleted
            read.lastCursor = batch.last?.cursor
            batch.removeAll()
            progress?(read.pages, read.rows)
        }
        do {
            for try await page in stream {
                queued.add(-1)
                if let date = page.serverDate { latestServerDate.withLock { $0 = max($0 ?? date, date) } }
                batch.append(SyncPage(bytes: page.bytes, source: Redaction.url(page.url), cursor: try cursor(page)))
                if queued.value == 0 || batch.count >= 10 { try flush() }
            }
        } catch {
            // Pages received before a failed request (or a page without its links) are whole: apply them first.
            if !storeRefused { try? flush() }
            throw error
        }
        try flush()
        return read
    }

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

/// Pages fetched and not yet taken by the store.
private final class QueuedCount: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func add(_ n: Int) { count.withLock { $0 += n } }
}
