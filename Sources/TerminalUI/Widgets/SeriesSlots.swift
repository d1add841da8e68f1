
/// Which of the series fills and colours each entry of a chart gets: the same for the same value whatever the
/// filters and however the counts rank ("Complete" keeps its colour when a filter hides "Pending", and a result keeps
/// its colour when it grows past another), and different for the entries shown together as long as there are
/// no more of them than slots.
public enum SeriesSlots {
    public static let count = ColorRole.seriesCount

    /// - Parameter known: the dimension's known values in their fixed order: a known value asks for the slot of its
    ///   place (modulo the slots), another for one from a stable hash of its text. Values asking for a taken slot
    ///   get the next free one, settled in the known order, then by text: the result depends only on which values
    ///   are shown.
    public static func assign(_ labels: [String], known: [String]) -> [Int] {
        func place(_ label: String) -> Int? { known.firstIndex(of: label) }
        func wish(_ label: String) -> Int {
            if let p = place(label) { return p % count }
            let hash = label.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 }  // FNV-1a
            return Int(hash % UInt32(count))
        }
        let order = labels.indices.sorted { a, b in
            let pa = place(labels[a]) ?? Int.max, pb = place(labels[b]) ?? Int.max
            return pa != pb ? pa < pb : labels[a] < labels[b]
        }
        var taken = [Bool](repeating: false, count: count)
        var slots = [Int](repeating: 0, count: labels.count)
        for i in order {
            let wanted = wish(labels[i])
            var slot = wanted
            if let free = (0..<count).map({ (wanted + $0) % count }).first(where: { !taken[$0] }) { slot = free }
            if slot < count { taken[slot] = true }
            slots[i] = slot
        }
        return slots
    }
}
