/// One page of a Web API response as received, with the cursor that follows it (see `DeliveryStore.applySyncPages`).
public struct SyncPage: Sendable {
    /// The response body.
    public var bytes: [UInt8]
    /// Names the page in errors: its URL without any token.
    public var source: String
    /// The table's cursor after this page; nil saves none (conversations fetched by id).
    public var cursor: SyncCursor?

    public init(bytes: [UInt8], source: String, cursor: SyncCursor?) {
        self.bytes = bytes
        self.source = source
        self.cursor = cursor
    }
}
