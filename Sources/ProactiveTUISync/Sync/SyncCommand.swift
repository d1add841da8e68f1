import ArgumentParser
import CommandSupport
import DashboardModel
import DataverseSync
import Foundation

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: SyncProgram.commandName,
        abstract: SyncProgram.abstract,
        discussion: """
            Reads msdyn_proactive_deliveries, msdyn_proactive_engagement_configs and queues (change tracking: later \
            rounds read only what changed, deletions included) and the conversations deliveries link to. Each page \
            is applied with its cursor in one transaction, so a sync stopped at any moment resumes where it was. \
            Sign in with client credentials (--tenant, --client-id, the secret from $PROACTIVE_TUI_CLIENT_SECRET or \
            --client-secret-file), --token-command, or --device-login. https:// only (http:// to loopback for tests).
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("The organization, e.g. https://contoso.crm.dynamics.com.", valueName: "url"))
    var org: String?
    @Flag(help: "Run one round and exit (exit 1 when it failed).")
    var once = false
    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds between rounds (1 to 86400; default 30).", valueName: "seconds"),
            transform: FlagBounds.syncInterval.parse)
    var interval: Double?
    @Option(name: .customLong("page-size"), parsing: .unconditional,
            help: ArgumentHelp("Rows per page asked for (1 to 5000; default 5000; the service may send fewer).", valueName: "n"),
            transform: FlagBounds.pageSize.parse)
    var pageSize: Int = 5000
    @Option(name: .customLong("max-requests-per-minute"), parsing: .unconditional,
            help: ArgumentHelp("A ceiling on requests per minute (1 to 100000; default: none; the service's 429 answers are honoured).", valueName: "n"),
            transform: FlagBounds.requestsPerMinute.parse)
    var maxRequestsPerMinute: Int?
    @OptionGroup var auth: SyncAuthOptions
    @Flag(help: "Print the store's sync state and exit.")
    var status = false

    func validate() throws {
        if status { return }
        guard let org else { throw ValidationError("--org is required (the organization's URL, e.g. https://contoso.crm.dynamics.com)") }
        _ = try Self.orgURL(org)
        _ = try auth.authorityURL()
        if once && interval != nil { throw ValidationError("--once and --interval cannot go together") }
        _ = try auth.method(environment: ProcessInfo.processInfo.environment)
    }

    static func orgURL(_ text: String) throws -> URL { try orgURLAndNote(text).url }

    /// The organization's origin, and a note when the URL given had more (a path, a query) that was left out.
    static func orgURLAndNote(_ text: String) throws -> (url: URL, note: String?) {
        do {
            let (url, dropped) = try EndpointPolicy.organizationURL(text)
            let note = dropped.map { "--org: reading the organization \(url.absoluteString) (its URL is only the scheme and host; \($0) left out)" }
            return (url, note)
        } catch let refusal as EndpointPolicy.Refusal {
            throw ValidationError(refusal.description)
        }
    }

    func run() throws {
        if status {
            try printStatus()
            return
        }
        guard let orgText = org else { throw ValidationError("--org is required") }
        SyncProcessMemory.returnLargeBlocks()
        let (orgURL, orgNote) = try Self.orgURLAndNote(orgText)
        if let orgNote { SyncOutput.error(orgNote) }
        let environment = ProcessInfo.processInfo.environment
        let method = try auth.method(environment: environment)
        let authority = try auth.authorityURL()
        let store: DeliveryStore
        do {
            store = try DeliveryStore.openForWriting(path: self.store.path)
            // A store synced from one organization is never filled from another: its cursors point at the first
            // (their links would be refused), and its rows would mix two centers.
            if let previous = try store.syncStatus()?.org, let previousURL = try? EndpointPolicy.organizationURL(previous).url,
               !EndpointPolicy.sameOrigin(previousURL, as: orgURL) {
                SyncOutput.error("the store \(self.store.path) is synced from \(previousURL.absoluteString), not \(orgURL.absoluteString): "
                                 + "give another --db for this organization (or remove that store to start again)")
                throw ExitCode(1)
            }
            try store.setSyncOrganization(orgURL.absoluteString)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            SyncOutput.error("cannot open the store \(self.store.path): \(error)")
            throw ExitCode(1)
        }
        let clock = SystemClock()
        let transport = NIOHTTPTransport()
        let tokens: any TokenProvider
        switch method {
        case .clientCredentials(let tenant, let clientID, let secret):
            tokens = ClientCredentialsProvider(endpoint: IdentityEndpoint(authority: authority, tenant: tenant, transport: transport),
                                               clientID: clientID, secret: secret, org: orgURL, clock: clock)
        case .tokenCommand(let command):
            tokens = TokenCommandProvider(command: command, clock: clock)
        case .deviceLogin(let tenant, let clientID):
            let file = RefreshTokenFile(environment: environment, authority: authority, tenant: tenant, clientID: clientID, org: orgURL)
            tokens = DeviceLoginProvider(endpoint: IdentityEndpoint(authority: authority, tenant: tenant, transport: transport),
                                         clientID: clientID, org: orgURL, file: file, clock: clock,
                                         notice: { SyncOutput.error($0) })
        }
        let limiter = maxRequestsPerMinute.map { RequestRateLimiter(requestsPerMinute: $0, clock: clock) }
        let log: @Sendable (String) -> Void = { SyncOutput.error(Self.clockTime(Date()) + " " + $0) }
        let client = WebAPIClient(org: orgURL, transport: transport, tokens: tokens, clock: clock, limiter: limiter, log: log)
        let bar = SyncProgressLine(enabled: Terminal.stderrIsTerminal)
        // The bar (and the $count request for its total) only on a terminal.
        var progress: (@Sendable (SyncProgress) -> Void)? = nil
        if Terminal.stderrIsTerminal { progress = { (step: SyncProgress) in bar.update(step) } }
        let engine = SyncEngine(store: store, client: client, settings: SyncSettings(pageSize: pageSize), clock: clock,
                                progress: progress, log: log)
        let once = self.once
        let pause = interval ?? 30
        let failed = try AsyncBridge.run { () async -> Bool in
            while true {
                let report = await engine.round()
                bar.finish()
                if let failure = report.failure {
                    SyncOutput.error(Self.clockTime(Date()) + " sync failed: " + failure)
                    if let hint = SyncAdvice.hint(for: failure) { SyncOutput.error("  what to do: " + hint) }
                } else {
                    SyncOutput.line(Self.clockTime(Date()) + " " + Self.summary(report))
                }
                if once { return !report.succeeded }
                try? await clock.sleep(seconds: pause)
            }
        }
        try? store.checkpoint()
        if failed { throw ExitCode(1) }
    }

    private func printStatus() throws {
        let path = store.path
        let reader: DeliveryStore
        do { reader = try DeliveryStore.openForReading(path: path) } catch {
            SyncOutput.error(ErrorText.describe(error))
            throw ExitCode(1)
        }
        for line in SyncStatusLines.lines(try reader.syncStatus(), now: Date()) { SyncOutput.line(line) }
    }

    static func summary(_ report: RoundReport) -> String {
        let rate = report.seconds > 0 ? Double(report.rows) / report.seconds : 0
        var parts: [String] = []
        for table in report.tables where table.rows > 0 || table.restarted {
            var text = "\(table.table.rawValue) \(SyncProgressLine.count(table.rows)) rows"
            var notes: [String] = []
            if table.kind == .fullRead { notes.append("full read, \(table.pages) pages") }
            if table.deleted > 0 { notes.append("\(SyncProgressLine.count(table.deleted)) deleted") }
            if table.restarted { notes.append("delta token refused: read again") }
            if table.deletionsInvisible { notes.append("no change tracking: deletions cannot be seen") }
            if !notes.isEmpty { text += " (" + notes.joined(separator: ", ") + ")" }
            parts.append(text)
        }
        let body = parts.isEmpty ? "no changes" : parts.joined(separator: ", ")
        let speed = report.rows > 0 ? String(format: ", %@ rows/s", SyncProgressLine.count(Int(rate.rounded()))) : ""
        return "synced: \(body) in " + String(format: "%.1f s", report.seconds) + speed
    }

    static func clockTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: date)
    }
}
