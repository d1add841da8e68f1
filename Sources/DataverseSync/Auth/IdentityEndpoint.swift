import Foundation

/// The Microsoft identity platform v2 endpoints of one tenant: `{authority}/{tenant}/oauth2/v2.0/token` and
/// `/devicecode`. Form posts, JSON answers; errors come back as `{"error": ..., "error_description": ...}`.
public struct IdentityEndpoint: Sendable {
    public let authority: URL
    public let tenant: String
    let transport: any HTTPTransport

    public init(authority: URL, tenant: String, transport: any HTTPTransport) {
        self.authority = authority
        self.tenant = tenant
        self.transport = transport
    }

    public var tokenURL: URL { endpoint("token") }
    public var deviceCodeURL: URL { endpoint("devicecode") }

    private func endpoint(_ name: String) -> URL {
        let tenantPart = tenant.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? tenant
        return URL(string: authority.absoluteString + "/" + tenantPart + "/oauth2/v2.0/" + name) ?? authority
    }

    /// The answer of a form post: its JSON object and status. Secrets in `form` never appear in errors.
    public struct Answer {
        public var status: Int
        public var fields: [String: Any]
        public var string: (String) -> String? { { fields[$0] as? String } }
        public func number(_ key: String) -> Double? {
            if let n = fields[key] as? NSNumber { return n.doubleValue }
            if let s = fields[key] as? String { return Double(s) }
            return nil
        }
        public var errorCode: String? { fields["error"] as? String }
        /// error and the first line of error_description (AADSTS codes say what is wrong), without secrets.
        public func errorWording(secrets: [String]) -> String {
            let code = errorCode ?? "HTTP \(status)"
            var description = (fields["error_description"] as? String ?? "")
            if let firstLine = description.split(whereSeparator: \.isNewline).first { description = String(firstLine) }
            if description.count > 200 { description = String(description.prefix(200)) + "…" }
            let text = description.isEmpty ? code : "\(code): \(description)"
            return Redaction.message(text, secrets: secrets)
        }
    }

    public func post(_ url: URL, form: [(String, String)], secrets: [String]) async throws -> Answer {
        let body = form.map { "\(Self.formEncode($0.0))=\(Self.formEncode($0.1))" }.joined(separator: "&")
        let request = HTTPRequestSpec(method: "POST", url: url,
                                      headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")],
                                      body: Data(body.utf8), timeout: 60)
        let reply: HTTPReply
        do { reply = try await transport.send(request) } catch let failure as TransportFailure {
            throw TokenError("\(failure.wording) (POST \(Redaction.url(url)))")
        }
        guard let object = try? JSONSerialization.jsonObject(with: reply.body) as? [String: Any] else {
            throw TokenError("HTTP \(reply.status) \(HTTPStatusText.phrase(reply.status)) with a body that is not JSON (POST \(Redaction.url(url)))")
        }
        return Answer(status: reply.status, fields: object)
    }

    static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
