import Foundation

/// One table of the stand-in organization: rows as serialized JSON objects at stable positions (a deleted row
/// leaves its position empty, so paging positions never shift), and a change log of (sequence, position) that
/// delta links read from.
final class StandInTable {
    let entitySet: String
    let keyColumn: String
    /// The table's columns (what `$select` may name).
    let columns: Set<String>
    var changeTracking: Bool
    private(set) var ids: [String] = []
    private(set) var rows: [[UInt8]?] = []
    private(set) var modifiedOn: [Double] = []
    private var positionOf: [String: Int] = [:]
    /// The same positions for the ids that are GUIDs, by their bits (`position(ofBytes:)`).
    private var positionOfGUID: [StandInGUIDKey: Int] = [:]
    /// (sequence, position), sequences increasing.
    private(set) var changes: [(seq: Int, position: Int)] = []

    init(entitySet: String, keyColumn: String, columns: [String], changeTracking: Bool = true) {
        self.entitySet = entitySet
        self.keyColumn = keyColumn
        self.columns = Set(columns + [keyColumn, "createdon", "modifiedon"])
        self.changeTracking = changeTracking
    }

    var liveCount: Int { positionOf.count }

    func position(of id: String) -> Int? {
        // Most ids arrive in lower case already (GUIDs as the Web API writes them): no copy then.
        positionOf[id.utf8.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") || $0 >= 0x80 } ? id.lowercased() : id]
    }

    /// `position(of:)` for an id given as its UTF-8 bytes: a GUID by its bits, anything else as text.
    func position(ofBytes id: UnsafeBufferPointer<UInt8>) -> Int? {
        if let key = StandInGUIDKey(id) { return positionOfGUID[key] }
        return position(of: String(decoding: id, as: UTF8.self))
    }

    /// Inserts or replaces the row with key `id` (a row deleted and made again gets a new position).
    func put(id: String, json: [UInt8], modifiedOn: Double, seq: Int) {
        let key = id.lowercased()
        if let p = positionOf[key] {
            rows[p] = json
            self.modifiedOn[p] = modifiedOn
            changes.append((seq, p))
        } else {
            let p = ids.count
            ids.append(key)
            rows.append(json)
            self.modifiedOn.append(modifiedOn)
            positionOf[key] = p
            if let guid = StandInGUIDKey(key) { positionOfGUID[guid] = p }
            changes.append((seq, p))
        }
    }

    @discardableResult
    func delete(id: String, seq: Int) -> Bool {
        let key = id.lowercased()
        guard let p = positionOf.removeValue(forKey: key) else { return false }
        if let guid = StandInGUIDKey(key) { positionOfGUID[guid] = nil }
        rows[p] = nil
        changes.append((seq, p))
        return true
    }

    /// Positions changed after `after` up to and including `upTo`, each once, in the order of their last change.
    func changedPositions(after: Int, upTo: Int) -> [Int] {
        var low = 0, high = changes.count
        while low < high {
            let mid = (low + high) / 2
            if changes[mid].seq <= after { low = mid + 1 } else { high = mid }
        }
        var seen = Set<Int>()
        var out: [Int] = []
        var i = changes.count - 1
        while i >= low {
            let change = changes[i]
            if change.seq <= upTo, seen.insert(change.position).inserted { out.append(change.position) }
            i -= 1
        }
        return out.reversed()
    }

    /// Every live row, as `{"value": [...]}`: what an export of this table would hold.
    func export() -> [UInt8] {
        var out = Array(#"{"value":["#.utf8)
        var first = true
        for row in rows {
            guard let row else { continue }
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(contentsOf: row)
        }
        out.append(contentsOf: Array("]}".utf8))
        return out
    }
}
