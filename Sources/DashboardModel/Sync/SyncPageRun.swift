/// Consecutive pages of one full read, joined into one before a transaction applies them: the import's reader then
/// stages their deliveries in large sorted batches (16,384 and more, as an import of a file does) instead of one
/// batch of at most a page (5,000), so the writer walks the deliveries B-tree once per batch, in key order, rather
/// than once per page: at 300,000 deliveries it went from 38 ms a page to about half that.
///
/// Only full reads are joined (every row comes once; the last page of the read, whose cursor is the delta link, may
/// close the run): pages of changes keep their order one by one (a row may change, or go, twice in them).
enum SyncPageRun {
    static func joined(_ pages: [SyncPage]) -> [SyncPage] {
        guard pages.count > 1 else { return pages }
        var out: [SyncPage] = []
        var run: [SyncPage] = []
        func close() {
            if run.count == 1 { out.append(run[0]) } else if !run.isEmpty { out.append(join(run)) }
            run.removeAll()
        }
        for page in pages {
            if let last = run.last, continues(last, with: page) {
                run.append(page)
            } else {
                close()
                run.append(page)
            }
        }
        close()
        return out
    }

    /// `next` belongs to the same full read as `page` and follows it: `page` is a page of a full read (its cursor a
    /// next link) and `next` another of the same read, or its last (a delta link).
    static func continues(_ page: SyncPage, with next: SyncPage) -> Bool {
        guard case .fullRead(_, let started)? = page.cursor else { return false }
        switch next.cursor {
        case .fullRead(_, let nextStarted)?:
            return SyncTableState.milliseconds(started) == SyncTableState.milliseconds(nextStarted)
        case .delta?:
            return true
        default:
            return false
        }
    }

    /// The pages as one: bodies one after another (a newline between them, as the reader reads concatenated pages),
    /// their conversations likewise, the last page's cursor.
    static func join(_ run: [SyncPage]) -> SyncPage {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(run.reduce(0) { $0 + $1.bytes.count + 1 })
        var companions: [UInt8] = []
        var companionPages = 0
        var companionSource: String?
        for page in run {
            if !bytes.isEmpty { bytes.append(0x0A) }
            bytes.append(contentsOf: page.bytes)
            if let conversations = page.conversations {
                if !companions.isEmpty { companions.append(0x0A) }
                companions.append(contentsOf: conversations.bytes)
                companionPages += conversations.pages
                if companionSource == nil { companionSource = conversations.source }
            }
        }
        let source = run[0].source + " and \(run.count - 1) more pages"
        let conversations = companionSource.map {
            SyncPage.Companions(bytes: companions, source: companionPages > 1 ? $0 + " (and more, \(companionPages) pages)" : $0,
                                pages: companionPages)
        }
        return SyncPage(bytes: bytes, source: source, cursor: run[run.count - 1].cursor, conversations: conversations)
    }
}
