/// What the last frame showed that keys need: the status chart's columns (days or weeks) and how many rows
/// a table page holds. Computed by the composer for the current size.
struct ViewGeometry: Equatable {
    var chartBuckets: [DateBucket] = []
    var pageSize: [PanelID: Int] = [:]
}
