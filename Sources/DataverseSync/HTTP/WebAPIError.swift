import Foundation

/// The error a Web API answer carries (`{"error": {"code": "0x80044352", "message": "..."}}`), cut to one line of
/// plain text, or a word for a body that is not that (an HTML page from a proxy).
public struct WebAPIError: Sendable, Equatable {
    public var code: String?
    public var message: String?
    public var isHTML: Bool

    public init(body: Data) {
        code = nil
        message = nil
        let head = body.prefix(512)
        let text = String(decoding: head, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        isHTML = text.hasPrefix("<") && (text.contains("<html") || text.contains("<!doctype") || text.contains("<body"))
        guard !isHTML, let object = try? JSONSerialization.jsonObject(with: body.prefix(65536)) as? [String: Any],
              let error = object["error"] as? [String: Any] else { return }
        code = (error["code"] as? String).map { Self.oneLine($0, limit: 40) }
        message = (error["message"] as? String).map { Self.oneLine($0, limit: 160) }
    }

    /// What the failure line shows after the status.
    public var detail: String? {
        if isHTML { return "an HTML page instead of JSON" }
        switch (code, message) {
        case let (code?, message?): return Redaction.message("\(code) \(message)")
        case let (nil, message?): return Redaction.message(message)
        case let (code?, nil): return code
        default: return nil
        }
    }

    /// Dataverse's refusal of an expired or unknown change-tracking token: the error code 0x80044352
    /// (ExpiredVersionStamp, "Version stamp associated with the client has expired. Please perform a full sync.")
    /// whatever the HTTP status (the documentation names the error, not the status: README, "delta token"), an
    /// OData 410 Gone, or a 400 whose message names the delta token or the version stamp.
    public static func isDeltaRefusal(status: Int, error: WebAPIError) -> Bool {
        if status == 410 { return true }
        guard status >= 400 else { return false }
        if let code = error.code?.lowercased(), code == "0x80044352" || code == "-2147204270" || code.contains("expiredversionstamp") {
            return true
        }
        guard status == 400 else { return false }
        let message = error.message?.lowercased() ?? ""
        return message.contains("deltatoken") || message.contains("delta token") || message.contains("version stamp")
            || message.contains("full sync")
    }

    static func oneLine(_ text: String, limit: Int) -> String {
        let scalars = text.unicodeScalars.map { $0.properties.generalCategory == .control || $0.value == 0x7F ? " " : Character($0) }
        let flat = String(scalars).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit)) + "…" : flat
    }
}
