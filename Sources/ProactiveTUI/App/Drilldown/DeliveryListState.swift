import DashboardModel
import Foundation
import TerminalUI

/// The drill-down list's state: what it lists (`target`), its sort and search, how many rows there are, the row
/// under the cursor and the first row on screen (indexes in the list's order), and a window of loaded rows around
/// them. Keys change the positions and mark what must be read; `load` reads it (a count, a page by offset) from a
/// `DeliveryListSource`; `refresh` reads again after new data and keeps the cursor on the same delivery.
struct DeliveryListState {
    let target: DrilldownTarget
    private(set) var sort = DeliverySort.created
    private(set) var search = ""
    /// Rows in the list (those the search finds).
    private(set) var count = 0
    private(set) var cursor = 0
    private(set) var top = 0
    /// Rows on screen (from the last layout); paging moves by it.
    var pageSize = 10 {
        didSet { pageSize = max(1, pageSize); clampPositions() }
    }
    private(set) var windowStart = 0
    private(set) var window: [DeliveryRow] = []
    /// The footer's line after `e` (the file written, or why not).
    var status: String?
    /// Why the last read failed, if it did (shown in the list; the dashboard keeps running).
    private(set) var loadError: String?
    private var needsCount = true
    private var needsRows = true

    init(target: DrilldownTarget) { self.target = target }

    // MARK: Keys

    mutating func move(by delta: Int) {
        guard count > 0 else { return }
        cursor = min(max(0, cursor + delta), count - 1)
        clampPositions()
    }

    mutating func page(by pages: Int) {
        guard count > 0 else { return }
        let screenRow = cursor - top
        cursor = min(max(0, cursor + pages * pageSize), count - 1)
        top = cursor - screenRow
        clampPositions()
    }

    mutating func toFirst() { cursor = 0; top = 0 }

    mutating func toLast() {
        cursor = max(0, count - 1)
        clampPositions()
    }

    /// `s`: the next column, ascending, from the first row.
    mutating func cycleSort() {
        let all = DeliverySort.Column.allCases
        let next = all[((all.firstIndex(of: sort.column) ?? 0) + 1) % all.count]
        sort = DeliverySort(next)
        restart(recount: false)
    }

    /// `S`: the same column the other way, from the first row.
    mutating func reverseSort() {
        sort = sort.reversed
        restart(recount: false)
    }

    mutating func setSearch(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed != search else { return }
        search = trimmed
        restart(recount: true)
    }

    private mutating func restart(recount: Bool) {
        cursor = 0
        top = 0
        window = []
        needsRows = true
        if recount { needsCount = true }
    }

    // MARK: Reading

    func query(now: Date) -> DeliveryQuery { target.query(now: now, sort: sort, search: search) }

    /// The rows on screen, first to last.
    var visibleRows: ArraySlice<DeliveryRow> {
        let from = max(top, windowStart), to = min(top + pageSize, windowStart + window.count, count)
        guard from < to else { return [] }
        return window[(from - windowStart)..<(to - windowStart)]
    }

    var currentRow: DeliveryRow? {
        let i = cursor - windowStart
        return window.indices.contains(i) ? window[i] : nil
    }

    /// Reads what the last keys made necessary: the count (after a search), and the rows on screen when the window
    /// does not hold them.
    mutating func load(from source: DeliveryListSource, now: Date = Date()) {
        do {
            let query = query(now: now)
            if needsCount {
                count = try source.count(query)
                needsCount = false
                clampPositions()
            }
            let end = min(count, top + pageSize)
            if needsRows || top < windowStart || end > windowStart + window.count {
                try readWindow(query, source: source, around: top)
            }
            loadError = nil
        } catch {
            loadError = "cannot read the deliveries: \(error)"
        }
    }

    /// After new data: count again and read the window again; the delivery under the cursor stays under it (at the
    /// same line of the screen) when it is still in the list, wherever new rows went.
    mutating func refresh(from source: DeliveryListSource, now: Date = Date()) {
        let anchor = currentRow?.key
        let screenRow = cursor - top
        do {
            let query = query(now: now)
            count = try source.count(query)
            needsCount = false
            clampPositions()
            // Read a little more around the old position: rows inserted before the cursor push it down.
            try readWindow(query, source: source, around: max(0, cursor - 2 * pageSize), extra: 2 * pageSize)
            if let anchor, let i = window.firstIndex(where: { $0.key == anchor }) {
                cursor = windowStart + i
                top = cursor - screenRow
                clampPositions()
            }
            if top < windowStart || min(count, top + pageSize) > windowStart + window.count {
                try readWindow(query, source: source, around: top)
            }
            loadError = nil
        } catch {
            loadError = "cannot read the deliveries: \(error)"
        }
    }

    /// Reads rows from a page before `from` to two pages after it. Past the middle of the list the rows are read
    /// in the reverse order from the end (an exact mirror of the order), so End costs what Home does.
    private mutating func readWindow(_ query: DeliveryQuery, source: DeliveryListSource, around from: Int, extra: Int = 0) throws {
        let start = max(0, from - pageSize)
        let end = min(count, from + 2 * pageSize + extra)
        needsRows = false
        guard start < end else {
            windowStart = 0
            window = []
            return
        }
        if start > count - end {
            var mirrored = query
            mirrored.sort = query.sort.reversed
            window = try source.rows(mirrored, offset: count - end, limit: end - start).reversed()
        } else {
            window = try source.rows(query, offset: start, limit: end - start)
        }
        windowStart = start
    }

    private mutating func clampPositions() {
        cursor = count == 0 ? 0 : min(max(0, cursor), count - 1)
        top = ScrollWindow.offset(selected: cursor, current: top, visible: pageSize, count: count)
    }
}
