/// One page of a Web API response as received, with the cursor that follows it (see `DeliveryStore.applySyncPages`).
public struct SyncPage: Sendable {
    /// The response body.
    public var bytes: [UInt8]
    /// Names the page in errors: its URL without any token.
    public var source: String
    /// The table's cursor after this page; nil saves none (conversations fetched by id).
    public var cursor: SyncCursor?
    /// Pages of conversations (Web API pages, one after another) that this page's deliveries link to, fetched by id
    /// before the page was handed over: applied first, in the same transaction, so the deliveries are stored with
    /// their conversation's direction (no move afterwards) and a kill never separates the two. Nil: none.
    public var conversations: Companions?

    public init(bytes: [UInt8], source: String, cursor: SyncCursor?, conversations: Companions? = nil) {
        self.bytes = bytes
        self.source = source
        self.cursor = cursor
        self.conversations = conversations
    }

    /// Conversation pages that travel with a delivery page.
    public struct Companions: Sendable {
        /// The pages' bodies, one after another (separated by a newline, as the import's reader reads concatenated pages).
        public var bytes: [UInt8]
        /// Names them in errors: the first page's URL without any token, and how many more.
        public var source: String
        /// How many pages.
        public var pages: Int

        public init(bytes: [UInt8], source: String, pages: Int) {
            self.bytes = bytes
            self.source = source
            self.pages = pages
        }
    }
}
