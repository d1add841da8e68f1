import Foundation

/// One page as received: its bytes, its links, and what the service said about it.
struct FetchedPage: Sendable {
    var url: URL
    var bytes: [UInt8]
    var links: ODataPageLinks
    /// `Preference-Applied` holds `odata.track-changes`: the service tracks this table's changes.
    var tracking: Bool
    /// The response's `Date` header.
    var serverDate: Date?

    /// - Parameter column: a column whose string values in the rows are kept in `links.collected` (the conversation
    /// ids of a page of deliveries).
    static func make(url: URL, reply: HTTPReply, collecting column: String? = nil) throws -> FetchedPage {
        let bytes = [UInt8](reply.body)
        let links: ODataPageLinks
        do { links = try ODataPageLinks.parse(bytes, collecting: column) } catch let error as ODataPageLinks.ParseError {
            let html = WebAPIError(body: reply.body).isHTML
            throw SyncFailure.malformedPage(why: html ? "an HTML page instead of JSON" : error.description, url: Redaction.url(url))
        }
        let applied = (reply.header("Preference-Applied") ?? "").lowercased()
        return FetchedPage(url: url, bytes: bytes, links: links, tracking: applied.contains("odata.track-changes"),
                           serverDate: reply.header("Date").flatMap(HTTPDate.parse))
    }
}
