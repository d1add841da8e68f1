/// A filter the program cannot apply: what was wrong, with the values involved. The model does not word it: the
/// command line names its flags (`FilterError+CommandLine`), the dashboard's prompts have their own words.
public enum FilterError: Error, Sendable, Equatable {
    /// Which end of an explicit date range.
    public enum RangeBound: Sendable, Equatable { case from, to }

    /// A list filter's value that matches nothing: the value given and every value accepted.
    case unknownValue(FilterDimension, given: String, accepted: [AcceptedValue])
    case unknownTimeZone(String)
    /// More than one of: a number of last days, all dates, an explicit range.
    case moreThanOneRange
    /// A number of last days outside `FilterValidator.lastDaysBounds`.
    case lastDaysOutOfRange(Int)
    case notADate(RangeBound, String)
    case fromAfterTo(LocalDate, LocalDate)
}

/// A value a list filter accepts, and the name it is shown by (a queue's name for its id; often the same text).
public struct AcceptedValue: Sendable, Equatable {
    public var value: String
    public var label: String

    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}
