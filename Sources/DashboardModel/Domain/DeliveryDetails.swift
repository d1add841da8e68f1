/// The columns of a delivery that the drill-down list and `export` show beside its filterable values (issue 12).
/// They are kept for the newest version only; none of them is a filter. Times are seconds since 1970 UTC; text is as
/// the source gave it (hostile: sanitised where it is shown). Empty text and nil mean the source had no value (or the
/// store was written before these columns existed).
public struct DeliveryDetails: Hashable, Sendable {
    public var toAddress: String
    public var fromAddress: String
    public var resultDate: Int64?
    public var startDate: Int64?
    public var endDate: Int64?
    public var windowStartDate: Int64?
    public var windowEndDate: Int64?
    /// `msdyn_disposition_codes` as given: comma-separated quoted codes, e.g. `"PromiseToPay","SpokeToAgent"`.
    public var dispositionCodes: String
    public var contactId: String
    public var seqNo: Int64?

    public init(toAddress: String = "", fromAddress: String = "", resultDate: Int64? = nil, startDate: Int64? = nil,
                endDate: Int64? = nil, windowStartDate: Int64? = nil, windowEndDate: Int64? = nil,
                dispositionCodes: String = "", contactId: String = "", seqNo: Int64? = nil) {
        self.toAddress = toAddress
        self.fromAddress = fromAddress
        self.resultDate = resultDate
        self.startDate = startDate
        self.endDate = endDate
        self.windowStartDate = windowStartDate
        self.windowEndDate = windowEndDate
        self.dispositionCodes = dispositionCodes
        self.contactId = contactId
        self.seqNo = seqNo
    }

    public static let none = DeliveryDetails()
}
