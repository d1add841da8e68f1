import DashboardModel

/// The filters in force and the ones before them, so Backspace can undo the last filter change.
struct FilterHistory {
    private(set) var current: DashboardFilters
    private var previous: [DashboardFilters] = []
    private let limit = 100

    init(_ filters: DashboardFilters) { current = filters }

    /// Applies a change; returns false (and records nothing) when it changes nothing.
    @discardableResult
    mutating func apply(_ change: (inout DashboardFilters) -> Void) -> Bool {
        var next = current
        change(&next)
        guard next != current else { return false }
        previous.append(current)
        if previous.count > limit { previous.removeFirst() }
        current = next
        return true
    }

    /// Goes back to the filters before the last change; false when there is nothing to undo.
    @discardableResult
    mutating func undo() -> Bool {
        guard let last = previous.popLast() else { return false }
        current = last
        return true
    }

    var canUndo: Bool { !previous.isEmpty }
}
