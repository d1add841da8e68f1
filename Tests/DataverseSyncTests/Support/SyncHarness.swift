import DashboardModel
import DataverseStandIn
import Foundation
import Synchronization
@testable import DataverseSync

/// A clock for tests: waits are recorded and pass at once (the clock moves on by them).
final class RecordingClock: SyncClock, Sendable {
    private struct Waits {
        var offset: Double = 0
        var recorded: [Double] = []
    }

    private let waits = Mutex(Waits())

    func now() -> Date {
        Date().addingTimeInterval(waits.withLock { $0.offset })
    }

    func sleep(seconds: Double) async throws {
        waits.withLock {
            $0.recorded.append(seconds)
            $0.offset += seconds
        }
        await Task.yield()
    }

    var sleeps: [Double] { waits.withLock { $0.recorded } }
}

/// A stand-in organization on 127.0.0.1 (ephemeral port), a throw-away store, and a sync engine between them
/// signed in with client credentials.
final class SyncHarness: Sendable {
    let org: StandInOrg
    let server: StandInServer
    let folder: URL
    let store: DeliveryStore
    let clock = RecordingClock()
    let logged = LogLines()

    static func start(deliveries: Int = 200, seed: UInt64 = 7) async throws -> SyncHarness {
        let org = StandInOrg(StandInOrg.Settings(deliveries: deliveries, seed: seed))
        let server = try await StandInServer.start(org)
        return try SyncHarness(org: org, server: server)
    }

    private init(org: StandInOrg, server: StandInServer) throws {
        self.org = org
        self.server = server
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sync-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try DeliveryStore.openForWriting(path: folder.appendingPathComponent("store.sqlite").path)
    }

    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    var identity: IdentityEndpoint { IdentityEndpoint(authority: server.url, tenant: org.settings.tenant, transport: NIOHTTPTransport()) }

    func clientCredentials(secret: String? = nil) -> ClientCredentialsProvider {
        ClientCredentialsProvider(endpoint: identity, clientID: org.settings.clientID, secret: secret ?? org.settings.clientSecret,
                                  org: server.url, clock: clock)
    }

    func engine(pageSize: Int = 50, tokens: (any TokenProvider)? = nil, conversationBatch: Int = 40) -> SyncEngine {
        let log = logged
        let client = WebAPIClient(org: server.url, transport: NIOHTTPTransport(), tokens: tokens ?? clientCredentials(),
                                  clock: clock, random: { 0.5 }, log: { log.append($0) })
        return SyncEngine(store: store, client: client,
                          settings: SyncSettings(pageSize: pageSize, conversationBatch: conversationBatch), clock: clock,
                          log: { log.append($0) })
    }

    /// The dashboard's JSON snapshot of `store` over every date (fixed `now`, so two stores compare; the time of
    /// the store's last write, `dataChangedAt`, left out).
    static func snapshot(_ store: DeliveryStore) throws -> String {
        let index = AggregateIndex(store: store)
        _ = try index.refresh()
        let filters = DashboardFilters(range: .all, timeZone: "UTC", selections: [:])
        let data = MetricsEngine.compute(index: index, filters: filters, now: Date(timeIntervalSince1970: 1_800_000_000))
        return SnapshotJSON.value(of: data).serialized(pretty: true).split(separator: "\n")
            .filter { !$0.contains("\"dataChangedAt\"") }.joined(separator: "\n")
    }

    /// Every delivery as `export` writes it (CSV of every column, addresses shown, created order): the list's rows.
    static func exported(_ store: DeliveryStore) throws -> String {
        let index = AggregateIndex(store: store)
        _ = try index.refresh()
        let query = DeliveryQuery(filters: DashboardFilters(range: .all, timeZone: "UTC", selections: [:]),
                                  now: Date(timeIntervalSince1970: 1_800_000_000))
        let sink = CollectedBytes()
        try DeliveryExporter(options: ExportOptions(showAddresses: true)).export(query, index: index, store: store, to: sink)
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    /// The snapshot and the export of a fresh store that imported the stand-in's live rows (its export files).
    func imported() throws -> (snapshot: String, exported: String) {
        let path = folder.appendingPathComponent("import-\(UUID().uuidString).sqlite").path
        let fresh = try DeliveryStore.openForWriting(path: path)
        for set in [StandInOrg.queuesSet, StandInOrg.configurationsSet, StandInOrg.conversationsSet, StandInOrg.deliveriesSet] {
            let file = folder.appendingPathComponent("\(set).json")
            try org.export(set).write(to: file)
            let outcome = FileImporter.importFile(file.path, into: fresh, progress: nil)
            if let error = outcome.error { throw HarnessError(description: error) }
        }
        return (try Self.snapshot(fresh), try Self.exported(fresh))
    }

    /// True when the synced store's snapshot equals the import's; records both when not.
    /// True when the synced store's snapshot and its export of every delivery (every list column) equal the
    /// import's; prints the first differing lines when not.
    func matchesImport() throws -> Bool {
        let imported = try imported()
        let snapshots = Self.same("snapshots", try Self.snapshot(store), imported.snapshot)
        return try snapshots && Self.same("exports", Self.exported(store), imported.exported)
    }

    private static func same(_ what: String, _ synced: String, _ imported: String) -> Bool {
        if synced != imported {
            let a = synced.split(whereSeparator: \.isNewline), b = imported.split(whereSeparator: \.isNewline)
            let differing = zip(a, b).enumerated().filter { $0.element.0 != $0.element.1 }.prefix(8)
                .map { "line \($0.offset): synced \($0.element.0) | imported \($0.element.1)" }
            print("\(what) differ (\(a.count) vs \(b.count) lines):\n" + differing.joined(separator: "\n"))
        }
        return synced == imported
    }

    func dataRequests(_ entitySet: String) -> [StandInRequestRecord] {
        org.requests.filter { $0.path.hasSuffix("/" + entitySet) }
    }
}

final class CollectedBytes: ByteSink {
    var bytes: [UInt8] = []
    func write(_ more: [UInt8]) throws { bytes += more }
}

final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

struct HarnessError: Error, CustomStringConvertible { let description: String }
