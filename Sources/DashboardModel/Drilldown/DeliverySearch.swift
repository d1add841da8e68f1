import Foundation

/// The list's search (`/`): the rows whose delivery id, to-address or disposition codes contain the text, ignoring
/// ASCII case. Applied in SQL. A delivery id kept as a packed GUID (16 bytes) is matched on its hex digits, so the
/// text is matched there without its hyphens.
struct DeliverySearch {
    /// Lower-cased (ASCII letters only, as SQLite's `lower` does).
    let needle: String
    /// The needle without hyphens, for packed GUIDs.
    let hexNeedle: String

    /// Nil for an empty (or blank) search: every row.
    init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let lowered = String(String.UnicodeScalarView(trimmed.unicodeScalars.map { scalar in
            (scalar.value >= 65 && scalar.value <= 90) ? Unicode.Scalar(scalar.value + 32)! : scalar
        }))
        needle = lowered
        let hex = lowered.replacingOccurrences(of: "-", with: "")
        // Only hyphens: nothing a GUID's hex digits can contain (the text match still applies).
        hexNeedle = hex.isEmpty ? lowered : hex
    }

    /// The condition for a store whose `deliveries` has the columns `present`, with its values in binding order.
    func condition(present: Set<String>) -> (sql: String, values: [String]) {
        var parts = ["(typeof(delivery_id) = 'blob' AND instr(lower(hex(delivery_id)), ?) > 0)",
                     "(typeof(delivery_id) = 'text' AND instr(lower(delivery_id), ?) > 0)"]
        var values = [hexNeedle, needle]
        for column in ["to_address", "disposition_codes"] where present.contains(column) {
            parts.append("instr(lower(\(column)), ?) > 0")
            values.append(needle)
        }
        return ("(" + parts.joined(separator: " OR ") + ")", values)
    }
}
