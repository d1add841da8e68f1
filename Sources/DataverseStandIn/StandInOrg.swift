import Foundation

/// A stand-in Dataverse organization: the four tables of a generated contact center, the identity platform's
/// token and device-code endpoints, and the Web API as documented (DOMAIN.md "Reading the organization
/// directly"): `Prefer: odata.maxpagesize` (at most 5000), opaque `$skiptoken` next links, `odata.track-changes`
/// with `Preference-Applied` and delta links, `$deletedEntity` entries, `$count` (at most 5000), `$filter` by id
/// or by modifiedon (refused together with change tracking), 401 for an unknown or expired token, and scriptable
/// faults. Tests change and delete rows between rounds. Thread-safe: every request and change holds one lock.
///
/// `@unchecked Sendable`: every `var` of the organization (tables, tokens, codes, faults, the request log, `origin`)
/// is read and written only with `lock` held; `settings` and `rowsMaker` are constants.
public final class StandInOrg: @unchecked Sendable {
    public struct Settings: Sendable {
        public var deliveries: Int
        public var seed: UInt64
        public var tenant: String
        public var clientID: String
        public var clientSecret: String
        /// The public client that may use the device code flow.
        public var publicClientID: String
        public var tokenLifetime: Int
        /// Token polls answered `authorization_pending` before a device code is approved.
        public var devicePollsBeforeApproval: Int
        public var deviceInterval: Int
        public var now: Date
        /// Serve `POST /_standin/{change,delete,add}?count=N` and `GET /_standin/export?set=NAME` (the benchmark
        /// drives a separate stand-in process through them).
        public var adminEndpoints = false
        /// Completed deliveries link to a conversation (set false for tests that need many deliveries quickly:
        /// conversations are fetched by id, a long URL per batch).
        public var linkConversations = true

        public init(deliveries: Int = 1000, seed: UInt64 = 1, tenant: String = "contoso-tenant",
                    clientID: String = "11111111-2222-3333-4444-555555555555", clientSecret: String = "stand-in-secret-value",
                    publicClientID: String = "51f81489-12ee-4a9e-aaae-a2591f45987d", tokenLifetime: Int = 3600,
                    devicePollsBeforeApproval: Int = 1, deviceInterval: Int = 1, now: Date = Date()) {
            self.deliveries = deliveries
            self.seed = seed
            self.tenant = tenant
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.publicClientID = publicClientID
            self.tokenLifetime = tokenLifetime
            self.devicePollsBeforeApproval = devicePollsBeforeApproval
            self.deviceInterval = deviceInterval
            self.now = now
        }
    }

    public static let deliveriesSet = "msdyn_proactive_deliveries"
    public static let configurationsSet = "msdyn_proactive_engagement_configs"
    public static let queuesSet = "queues"
    public static let conversationsSet = "msdyn_ocliveworkitems"
    public static let maxPageSize = 5000

    public let settings: Settings
    let rowsMaker: StandInRows
    private let lock = NSLock()
    private var tables: [String: StandInTable] = [:]
    private var sequence = 0
    /// Bumped by `expireDeltaTokens`: delta tokens of an older epoch are refused.
    private var deltaEpoch = 1
    private var deliveryVersions: [Int32] = []
    private var nextChange = 0
    private var accessTokens: [String: Date] = [:]
    private var refreshTokens: Set<String> = []
    private var deviceCodes: [String: (polls: Int, expires: Date, slowDown: Bool)] = [:]
    private var faults: [(fault: StandInFault, entitySet: String?)] = []
    /// The requests answered, oldest first: the last `logKept` (a long-running stand-in, as the benchmark's, keeps
    /// a bounded log: a `$batch` of conversations logs five GETs of about 27 KB of query each).
    private var log: [StandInRequestRecord] = [] {
        didSet { if log.count > Self.logKept + Self.logKept / 4 { log.removeFirst(log.count - Self.logKept) } }
    }
    static let logKept = 20_000
    private var tokenCounter = 0
    private var userCodes: [String] = []
    /// The origin the links it returns point at (`http://127.0.0.1:PORT`), set when the server starts.
    public var origin: String {
        get { locked { originValue } }
        set { locked { originValue = newValue } }
    }
    private var originValue = "http://127.0.0.1"

    public init(_ settings: Settings = Settings()) {
        self.settings = settings
        let midnight = (settings.now.timeIntervalSince1970 / 86400).rounded(.down) * 86400
        rowsMaker = StandInRows(seed: settings.seed, firstDay: midnight - 89 * 86400)
        let created = midnight - 90 * 86400
        // The columns of DOMAIN.md's tables (a `$select` of any other is refused, as the Web API refuses it).
        tables[Self.deliveriesSet] = StandInTable(entitySet: Self.deliveriesSet, keyColumn: "msdyn_proactive_deliveryid", columns: [
            "msdyn_delivery_id", "msdyn_status", "msdyn_result", "msdyn_dialmode_type", "msdyn_proactive_engagement_config_id",
            "msdyn_queue_id", "msdyn_channel", "msdyn_conversation_id", "msdyn_engagement_type", "msdyn_to_address",
            "msdyn_from_address", "msdyn_window_start_date", "msdyn_window_end_date", "msdyn_start_date", "msdyn_end_date",
            "msdyn_result_date", "msdyn_disposition_codes", "msdyn_seq_no",
        ])
        tables[Self.configurationsSet] = StandInTable(entitySet: Self.configurationsSet, keyColumn: "msdyn_proactive_engagement_configid", columns: [
            "msdyn_name", "statecode", "msdyn_priority", "msdyn_dialmode_type", "msdyn_type", "_msdyn_queue_value",
        ])
        tables[Self.queuesSet] = StandInTable(entitySet: Self.queuesSet, keyColumn: "queueid", columns: ["name"])
        tables[Self.conversationsSet] = StandInTable(entitySet: Self.conversationsSet, keyColumn: "msdyn_ocliveworkitemid", columns: [
            "activityid", "msdyn_isoutbound", "_msdyn_cdsqueueid_value", "msdyn_channel",
        ])
        for i in 0..<8 { put(Self.queuesSet, rowsMaker.queueID(i), rowsMaker.queue(i, modifiedOn: created), created) }
        for i in 0..<12 { put(Self.configurationsSet, rowsMaker.configID(i), rowsMaker.configuration(i, modifiedOn: created), created) }
        deliveryVersions.reserveCapacity(settings.deliveries)
        for i in 0..<settings.deliveries { addDelivery(i) }
    }

    // MARK: Changes between rounds

    /// Moves `count` live deliveries one step through their life cycle (a new version with a later modifiedon).
    @discardableResult
    public func changeDeliveries(count: Int) -> [String] {
        locked {
            var changed: [String] = []
            let table = tables[Self.deliveriesSet]!
            var tries = 0
            while changed.count < count && tries < deliveryVersions.count * 2 {
                let i = nextChange % max(deliveryVersions.count, 1)
                nextChange += 1
                tries += 1
                guard table.position(of: rowsMaker.deliveryRowID(i)) != nil else { continue }
                deliveryVersions[i] += 1
                writeDelivery(i, modifiedOn: max(Date().timeIntervalSince1970, table.modifiedOn[i] + 1))
                changed.append(rowsMaker.deliveryID(i))
            }
            return changed
        }
    }

    /// Deletes `count` live deliveries (from the end); their row ids.
    @discardableResult
    public func deleteDeliveries(count: Int) -> [String] {
        locked {
            var deleted: [String] = []
            var i = deliveryVersions.count - 1
            let table = tables[Self.deliveriesSet]!
            while deleted.count < count && i >= 0 {
                let id = rowsMaker.deliveryRowID(i)
                sequence += 1
                if table.delete(id: id, seq: sequence) { deleted.append(id) }
                i -= 1
            }
            return deleted
        }
    }

    /// Adds `count` new deliveries.
    public func addDeliveries(count: Int) {
        locked {
            let first = deliveryVersions.count
            for i in first..<(first + count) { addDelivery(i, modifiedOn: Date().timeIntervalSince1970) }
        }
    }

    public func renameConfiguration(_ index: Int, to name: String) {
        locked {
            let now = Date().timeIntervalSince1970
            put(Self.configurationsSet, rowsMaker.configID(index), rowsMaker.configuration(index, name: name, modifiedOn: now), now)
        }
    }

    public func deleteConfiguration(_ index: Int) {
        locked {
            sequence += 1
            tables[Self.configurationsSet]!.delete(id: rowsMaker.configID(index), seq: sequence)
        }
    }

    /// A table without change tracking: `Preference-Applied` leaves `odata.track-changes` out and no delta link comes.
    public func setChangeTracking(_ entitySet: String, _ enabled: Bool) {
        locked { tables[entitySet]?.changeTracking = enabled }
    }

    /// Every delta token given so far expires (as after `ExpireChangeTrackingInDays`).
    public func expireDeltaTokens() { locked { deltaEpoch += 1 } }

    /// Every access token given so far stops working (the next request gets 401).
    public func revokeAccessTokens() { locked { accessTokens.removeAll() } }

    /// Revokes every access token but `kept` (a token handed out beforehand, so a client that is refused can already
    /// find its successor).
    public func revokeAccessTokens(except kept: String) {
        locked { accessTokens = accessTokens.filter { $0.key == kept } }
    }

    /// A valid access token, as `az account get-access-token` would print one.
    public func issueAccessToken(lifetime: Int? = nil) -> String {
        locked { newAccessToken(lifetime: lifetime ?? settings.tokenLifetime) }
    }

    public func enqueue(_ fault: StandInFault, entitySet: String? = nil) { locked { faults.append((fault, entitySet)) } }

    public var requests: [StandInRequestRecord] { locked { log } }
    public func clearRequests() { locked { log.removeAll() } }

    public func liveCount(_ entitySet: String) -> Int { locked { tables[entitySet]?.liveCount ?? 0 } }

    /// The live rows of a table as a Web API JSON file (what `import` reads).
    public func export(_ entitySet: String) -> Data { locked { Data(tables[entitySet]?.export() ?? []) } }

    /// The `msdyn_delivery_id` of delivery `index` and its row id (they differ, as in a real organization).
    public func deliveryIDs(_ index: Int) -> (deliveryID: String, rowID: String) {
        (rowsMaker.deliveryID(index), rowsMaker.deliveryRowID(index))
    }

    // MARK: Answering

    public func respond(_ request: StandInRequest) -> StandInResponse {
        let parts = request.path.split(separator: "/").map(String.init)
        if settings.adminEndpoints, parts.count == 2, parts[0] == "_standin" { return admin(parts[1], request) }
        if request.method == "POST", parts == ["api", "data", "v9.2", "$batch"] { return batch(request) }
        let response = locked { route(request) }
        locked {
            log.append(StandInRequestRecord(method: request.method, path: request.path, query: request.query,
                                            prefer: request.header("Prefer"), status: response.status, at: Date()))
        }
        var out = response
        out.headers["Date"] = Self.httpDate(Date())
        return out
    }

    /// A `$batch` of GETs: each answered as the same GET alone would be (and logged as one), under the batch's
    /// token. A throttled or failed read (429, 503, a dropped connection, a slow page) is the whole batch's answer,
    /// as service protection limits apply to the batch request.
    private func batch(_ request: StandInRequest) -> StandInResponse {
        guard let inner = StandInBatch.requests(body: request.body, contentType: request.header("Content-Type")) else {
            return .error(400, code: "0x80048d19", message: "The batch request body is not a multipart/mixed body of GET requests.")
        }
        guard locked({ authorized(request) }) else { return locked { route(request) } }
        var responses: [StandInResponse] = []
        var delay = 0.0
        for part in inner {
            var headers = part.headers
            headers["authorization"] = request.header("Authorization")
            let get = StandInRequest(method: "GET", path: part.path, query: part.query, headers: headers, body: Data())
            let response = locked { route(get) }
            locked {
                log.append(StandInRequestRecord(method: "GET", path: get.path, query: get.query, prefer: get.header("Prefer"),
                                                status: response.status, at: Date(), inBatch: true))
            }
            if response.status == 429 || response.status == 503 || response.drop { return dated(response) }
            delay += response.delay
            responses.append(response)
        }
        var out = dated(StandInBatch.answer(responses))
        out.delay = delay
        return out
    }

    private func dated(_ response: StandInResponse) -> StandInResponse {
        var out = response
        out.headers["Date"] = Self.httpDate(Date())
        return out
    }

    private func route(_ request: StandInRequest) -> StandInResponse {
        let parts = request.path.split(separator: "/").map(String.init)
        if parts.count == 4, parts[1] == "oauth2", parts[2] == "v2.0", request.method == "POST" {
            guard parts[0] == settings.tenant else {
                return .json(400, object: ["error": "invalid_request", "error_description": "AADSTS90002: Tenant '\(parts[0])' not found."])
            }
            if parts[3] == "token" { return tokenEndpoint(request.form) }
            if parts[3] == "devicecode" { return deviceCodeEndpoint(request.form) }
        }
        guard parts.count >= 4, parts[0] == "api", parts[1] == "data", parts[2] == "v9.2" else {
            return .error(404, code: "0x80060888", message: "Resource not found for the segment '\(parts.last ?? "")'.")
        }
        guard authorized(request) else {
            return StandInResponse(status: 401, headers: ["WWW-Authenticate": "Bearer authorization_uri=\"\(originValue)/\(settings.tenant)/oauth2/authorize\""], body: Data())
        }
        if parts[3] == "WhoAmI" {
            return .json(200, object: ["UserId": StandInGUID.make(seed: settings.seed, kind: 9, index: 0)])
        }
        guard let table = tables[parts[3]] else {
            return .error(404, code: "0x80060888", message: "Resource not found for the segment '\(parts[3])'.")
        }
        if let index = faults.firstIndex(where: { $0.entitySet == nil || $0.entitySet == table.entitySet }) {
            let fault = faults.remove(at: index).fault
            if let answer = answer(fault) {
                return answer
            }
            if case .slow(let seconds) = fault {
                var page = read(table, request, countOnly: parts.count == 5 && parts[4] == "$count")
                page.delay = seconds
                return page
            }
        }
        return read(table, request, countOnly: parts.count == 5 && parts[4] == "$count")
    }

    private func answer(_ fault: StandInFault) -> StandInResponse? {
        switch fault {
        case .throttle(let seconds):
            return .error(429, code: "0x80072322", message: "Number of requests exceeded the limit of 6000 over time window of 300 seconds.",
                          headers: ["Retry-After": String(seconds)])
        case .unavailable(let seconds):
            return .error(503, code: "0x80072321", message: "The service is temporarily unavailable.", headers: ["Retry-After": String(seconds)])
        case .serverError:
            return .error(500, code: "0x80040216", message: "An unexpected error occurred.")
        case .htmlErrorPage:
            return StandInResponse(status: 502, headers: ["Content-Type": "text/html"],
                                   body: Data("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>".utf8))
        case .truncatedPage:
            return .json(200, Array(#"{"@odata.context":"x","value":[{"msdyn_proactive_deliveryid":"0a"#.utf8))
        case .dropConnection:
            var response = StandInResponse(status: 500, headers: [:], body: Data())
            response.drop = true
            return response
        case .slow:
            return nil
        }
    }

    private func admin(_ verb: String, _ request: StandInRequest) -> StandInResponse {
        let count = request.value("count").flatMap(Int.init) ?? 0
        switch verb {
        case "change": return .json(200, object: ["changed": changeDeliveries(count: count).count])
        case "delete": return .json(200, object: ["deleted": deleteDeliveries(count: count).count])
        case "add":
            addDeliveries(count: count)
            return .json(200, object: ["added": count])
        case "export": return .json(200, Array(export(request.value("set") ?? Self.deliveriesSet)))
        case "token": return .json(200, object: ["access_token": issueAccessToken()])
        default: return .error(404, code: "0x80060888", message: "no such admin verb")
        }
    }

    // MARK: Reading tables

    private struct Cookie {
        var mode: String      // full | delta | filtered
        var position: Int
        var upTo: Int
        var after: Int
        var page: Int
    }

    private func read(_ table: StandInTable, _ request: StandInRequest, countOnly: Bool) -> StandInResponse {
        if countOnly {
            return StandInResponse(status: 200, headers: ["Content-Type": "text/plain"], body: Data(String(min(table.liveCount, 5000)).utf8))
        }
        let prefer = (request.header("Prefer") ?? "").lowercased()
        var pageSize = Self.maxPageSize
        if let range = prefer.range(of: "odata.maxpagesize=") {
            let digits = prefer[range.upperBound...].prefix { $0.isNumber }
            if let n = Int(digits), n > 0 { pageSize = min(n, Self.maxPageSize) }
        }
        var applied = ["odata.maxpagesize=\(pageSize)"]
        let select: StandInSelect?
        switch StandInSelect.parse(request.value("$select"), table: table) {
        case nil: select = nil
        case .success(let parsed)?: select = parsed
        case .failure(let unknown)?:
            return .error(400, code: "0x80060888", message: "Could not find a property named '\(unknown.name)' on type 'Microsoft.Dynamics.CRM.\(table.keyColumn.dropLast(2))'.")
        }
        // The delta and next links keep the request's $select, as the Web API's do.
        let selectQuery: [(String, String)] = request.value("$select").map { [("$select", $0)] } ?? []
        /// A stored row, projected by `$select` as the page is written.
        func row(_ bytes: [UInt8]) -> PageItem { PageItem(bytes: bytes, projected: true) }
        let wantsTracking = prefer.contains("odata.track-changes")
        let filter = request.value("$filter")
        let cookie = request.value("$skiptoken").flatMap(Self.parseCookie)
        if request.value("$skiptoken") != nil && cookie == nil {
            return .error(400, code: "0x80040203", message: "Invalid paging cookie.")
        }
        if let text = request.value("$deltatoken") {
            guard let after = parseDeltaToken(text) else {
                return .error(400, code: "0x80044352", message: "Version stamp associated with the client has expired. Please perform a full sync.")
            }
            let upTo = cookie?.upTo ?? sequence
            let positions = table.changedPositions(after: after, upTo: upTo)
            let start = cookie?.position ?? 0
            let slice = positions[min(start, positions.count)..<min(start + pageSize, positions.count)]
            var items: [PageItem] = []
            for p in slice {
                if let stored = table.rows[p] { items.append(row(stored)) } else {
                    items.append(PageItem(bytes: Array(#"{"@odata.context":"\#(originValue)/api/data/v9.2/$metadata#\#(table.entitySet)/$deletedEntity","id":"\#(table.ids[p])","reason":"deleted"}"#.utf8), projected: false))
                }
            }
            var links: [(String, String)] = []
            if start + pageSize < positions.count {
                let next = Cookie(mode: "delta", position: start + pageSize, upTo: upTo, after: after, page: (cookie?.page ?? 1) + 1)
                links.append(("@odata.nextLink", link(table, selectQuery + [("$deltatoken", text), ("$skiptoken", Self.cookieText(next))])))
            } else {
                links.append(("@odata.deltaLink", link(table, selectQuery + [("$deltatoken", deltaToken(upTo))])))
            }
            applied.append("odata.track-changes")
            return page(table, items, select, links, applied: applied)
        }
        let tracking = wantsTracking && table.changeTracking
        if filter != nil && tracking {
            return .error(400, code: "0x80060888", message: "The $filter query option is not supported with change tracking.")
        }
        var match: ((Int) -> Bool)? = nil
        var only: [Int]? = nil
        if let filter {
            guard let selection = StandInFilter.selection(filter, table: table, aliases: { request.value($0) }) else {
                return .error(400, code: "0x80060888", message: "The query parameter $filter is not supported: \(filter.prefix(80))")
            }
            switch selection {
            case .positions(let positions): only = positions
            case .predicate(let predicate): match = predicate
            }
        }
        let upTo = cookie?.upTo ?? sequence
        var position = cookie?.position ?? 0
        var items: [PageItem] = []
        if let only {
            // Rows by id: only their positions are visited (in position order), never the whole table.
            let ahead = only.filter { $0 >= position }
            for p in ahead.prefix(pageSize) { if let stored = table.rows[p] { items.append(row(stored)) } }
            position = ahead.count > pageSize ? ahead[pageSize] : table.rows.count
        } else {
            items.reserveCapacity(min(pageSize, table.rows.count))
            while position < table.rows.count && items.count < pageSize {
                if let stored = table.rows[position], match?(position) ?? true { items.append(row(stored)) }
                position += 1
            }
            while position < table.rows.count && (table.rows[position] == nil || !(match?(position) ?? true)) { position += 1 }
        }
        var links: [(String, String)] = []
        var keep = request.query.filter { $0.name != "$skiptoken" }
        if position < table.rows.count {
            let next = Cookie(mode: "full", position: position, upTo: upTo, after: 0, page: (cookie?.page ?? 1) + 1)
            keep.append(("$skiptoken", Self.cookieText(next)))
            links.append(("@odata.nextLink", link(table, keep)))
        } else if tracking {
            links.append(("@odata.deltaLink", link(table, selectQuery + [("$deltatoken", deltaToken(upTo))])))
        }
        if tracking { applied.append("odata.track-changes") }
        return page(table, items, select, links, applied: applied)
    }

    /// A row of a page: a stored row (projected by the request's `$select`) or an entry written for the page.
    struct PageItem {
        var bytes: [UInt8]
        var projected: Bool
    }

    private func page(_ table: StandInTable, _ items: [PageItem], _ select: StandInSelect?, _ links: [(String, String)],
                      applied: [String]) -> StandInResponse {
        var body = Array(#"{"@odata.context":"\#(originValue)/api/data/v9.2/$metadata#\#(table.entitySet)","value":["#.utf8)
        body.reserveCapacity(items.reduce(200) { $0 + $1.bytes.count + 1 })
        for (i, item) in items.enumerated() {
            if i > 0 { body.append(UInt8(ascii: ",")) }
            if item.projected, let select, !select.keepsEveryColumn { select.append(item.bytes, to: &body) } else {
                body.append(contentsOf: item.bytes)
            }
        }
        body.append(UInt8(ascii: "]"))
        for (key, value) in links { body.append(contentsOf: Array(",\"\(key)\":\(StandInRows.quote(value))".utf8)) }
        body.append(UInt8(ascii: "}"))
        return .json(200, body, headers: ["Preference-Applied": applied.joined(separator: ",")])
    }

    private func link(_ table: StandInTable, _ query: [(name: String, value: String)]) -> String {
        var parts = URLComponents(string: originValue + "/api/data/v9.2/" + table.entitySet)!
        parts.percentEncodedQuery = query.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }.joined(separator: "&")
        return parts.string!
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~$")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// A paging cookie shaped like Dataverse's (`<cookie pagenumber="2" ... />`): opaque to the client.
    private static func cookieText(_ c: Cookie) -> String {
        #"<cookie pagenumber="\#(c.page)" mode="\#(c.mode)" pos="\#(c.position)" upto="\#(c.upTo)" after="\#(c.after)" />"#
    }

    private static func parseCookie(_ text: String) -> Cookie? {
        func attribute(_ name: String) -> String? {
            guard let range = text.range(of: name + "=\"") else { return nil }
            return String(text[range.upperBound...].prefix { $0 != "\"" })
        }
        guard text.hasPrefix("<cookie"), let mode = attribute("mode"), let pos = attribute("pos").flatMap(Int.init),
              let upTo = attribute("upto").flatMap(Int.init), let after = attribute("after").flatMap(Int.init),
              let page = attribute("pagenumber").flatMap(Int.init) else { return nil }
        return Cookie(mode: mode, position: pos, upTo: upTo, after: after, page: page)
    }

    private func deltaToken(_ upTo: Int) -> String { "\(upTo)!\(deltaEpoch)" }

    private func parseDeltaToken(_ text: String) -> Int? {
        let parts = text.split(separator: "!")
        guard parts.count == 2, let seq = Int(parts[0]), let epoch = Int(parts[1]), epoch == deltaEpoch, seq <= sequence else { return nil }
        return seq
    }

    // MARK: Identity platform

    private func authorized(_ request: StandInRequest) -> Bool {
        guard let header = request.header("Authorization"), header.hasPrefix("Bearer ") else { return false }
        guard let expiry = accessTokens[String(header.dropFirst(7))] else { return false }
        return expiry > Date()
    }

    private func newAccessToken(lifetime: Int) -> String {
        tokenCounter += 1
        let token = "sti." + StandInGUID.make(seed: settings.seed ^ UInt64(Date().timeIntervalSince1970 * 1000), kind: 7, index: tokenCounter)
        accessTokens[token] = Date().addingTimeInterval(Double(lifetime))
        return token
    }

    private func newRefreshToken() -> String {
        tokenCounter += 1
        let token = "str." + StandInGUID.make(seed: settings.seed ^ UInt64(Date().timeIntervalSince1970 * 1000), kind: 8, index: tokenCounter)
        refreshTokens.insert(token)
        return token
    }

    private func tokenAnswer(refresh: Bool) -> StandInResponse {
        var object: [String: Any] = ["token_type": "Bearer", "expires_in": settings.tokenLifetime, "ext_expires_in": settings.tokenLifetime,
                                     "access_token": newAccessToken(lifetime: settings.tokenLifetime)]
        if refresh { object["refresh_token"] = newRefreshToken() }
        return .json(200, object: object)
    }

    private func oauthError(_ code: String, _ description: String, status: Int = 400) -> StandInResponse {
        .json(status, object: ["error": code, "error_description": description])
    }

    private func tokenEndpoint(_ form: [String: String]) -> StandInResponse {
        switch form["grant_type"] {
        case "client_credentials":
            guard form["client_id"] == settings.clientID else {
                return oauthError("unauthorized_client", "AADSTS700016: Application with identifier was not found in the directory.")
            }
            guard form["client_secret"] == settings.clientSecret else {
                return oauthError("invalid_client", "AADSTS7000215: Invalid client secret provided.", status: 401)
            }
            guard let scope = form["scope"], scope.hasSuffix("/.default") else {
                return oauthError("invalid_scope", "AADSTS1002012: The provided value for scope is not valid.")
            }
            return tokenAnswer(refresh: false)
        case "urn:ietf:params:oauth:grant-type:device_code":
            guard form["client_id"] == settings.publicClientID, let code = form["device_code"], var entry = deviceCodes[code] else {
                return oauthError("invalid_grant", "AADSTS70000: The provided value for the device code is not valid.")
            }
            if entry.expires < Date() { return oauthError("expired_token", "AADSTS70020: The provided value for the input parameter 'device_code' is not valid. This device code has expired.") }
            if entry.slowDown {
                entry.slowDown = false
                deviceCodes[code] = entry
                return oauthError("slow_down", "Slow down.")
            }
            if entry.polls < settings.devicePollsBeforeApproval {
                entry.polls += 1
                deviceCodes[code] = entry
                return oauthError("authorization_pending", "AADSTS70016: OAuth 2.0 device flow error. Authorization is pending.")
            }
            deviceCodes[code] = nil
            return tokenAnswer(refresh: true)
        case "refresh_token":
            guard form["client_id"] == settings.publicClientID, let token = form["refresh_token"], refreshTokens.remove(token) != nil else {
                return oauthError("invalid_grant", "AADSTS70008: The provided authorization code or refresh token has expired.")
            }
            return tokenAnswer(refresh: true)
        default:
            return oauthError("unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.")
        }
    }

    private func deviceCodeEndpoint(_ form: [String: String]) -> StandInResponse {
        guard form["client_id"] == settings.publicClientID else {
            return oauthError("invalid_client", "AADSTS7000218: The request body must contain client_assertion or client_secret (not a public client).", status: 401)
        }
        tokenCounter += 1
        let code = "dc." + StandInGUID.make(seed: settings.seed, kind: 10, index: tokenCounter)
        let user = String(StandInGUID.make(seed: settings.seed, kind: 11, index: tokenCounter).prefix(8)).uppercased()
        deviceCodes[code] = (0, Date().addingTimeInterval(900), false)
        userCodes.append(user)
        return .json(200, object: [
            "device_code": code, "user_code": user, "verification_uri": "https://microsoft.com/devicelogin",
            "expires_in": 900, "interval": settings.deviceInterval,
            "message": "To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code \(user) to authenticate.",
        ])
    }

    /// The user codes the device code endpoint has given, oldest first (what a person would type in).
    public var deviceUserCodes: [String] { locked { userCodes } }

    /// The next device code's first token poll answers `slow_down`.
    public func slowDownNextDevicePoll() { locked { for key in deviceCodes.keys { deviceCodes[key]?.slowDown = true } } }

    // MARK: Helpers

    private func put(_ set: String, _ id: String, _ json: [UInt8], _ modifiedOn: Double) {
        sequence += 1
        tables[set]!.put(id: id, json: json, modifiedOn: modifiedOn, seq: sequence)
    }

    private func addDelivery(_ i: Int, modifiedOn: Double? = nil) {
        deliveryVersions.append(0)
        writeDelivery(i, modifiedOn: modifiedOn ?? rowsMaker.initialModifiedOn(i))
    }

    private func writeDelivery(_ i: Int, modifiedOn: Double) {
        let version = Int(deliveryVersions[i])
        put(Self.deliveriesSet, rowsMaker.deliveryRowID(i),
            rowsMaker.delivery(i, version: version, modifiedOn: modifiedOn, linkConversation: settings.linkConversations), modifiedOn)
        if settings.linkConversations, rowsMaker.status(i, version: version) == "Complete", tables[Self.conversationsSet]!.position(of: rowsMaker.conversationID(i)) == nil {
            put(Self.conversationsSet, rowsMaker.conversationID(i), rowsMaker.conversation(i, modifiedOn: modifiedOn), modifiedOn)
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
