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
        let bytes = reply.bytes
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

/// A page as its request returned it, on its way to being read whole (`FetchedPage.make`): when the page ends with
/// its next link (`ODataPageLinks.trailingNextLink`), the next request is sent before this page is read, and the
/// read must find the same link.
struct ReceivedPage: Sendable {
    var url: URL
    var reply: HTTPReply
    /// The next link read from the end of the body; nil when the page had to be read whole at once (`page`).
    var trailingNextLink: String?
    /// The page read whole already (when the end of its body did not tell its next link).
    var page: FetchedPage?

    /// The next link to follow now.
    var nextLink: String? { trailingNextLink ?? page?.links.nextLink }

    /// The page read whole; a page whose read finds another next link than its end told is refused.
    func read(collecting column: String?) throws -> FetchedPage {
        if let page { return page }
        let page = try FetchedPage.make(url: url, reply: reply, collecting: column)
        guard page.links.nextLink == trailingNextLink else {
            throw SyncFailure.malformedPage(why: "@odata.nextLink is not the member that ends the page", url: Redaction.url(url))
        }
        return page
    }
}
