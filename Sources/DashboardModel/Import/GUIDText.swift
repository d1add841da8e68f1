/// Ids as Dataverse means them: GUIDs compare without regard to case or braces, so an id exported by a tool that
/// writes `{3B7DAE04-...}` joins to the same id written `3b7dae04-...`. Other ids are kept as they are.
enum GUIDText {
    static func normalize(_ text: String) -> String {
        // Most ids are already lower-case without braces: one pass over the bytes says so.
        let clean = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let p = bytes.baseAddress else { return true }
            var i = 0
            while i < bytes.count {
                let b = p[i]
                if b == 123 || (b >= 65 && b <= 70) { return false }
                i += 1
            }
            return true
        }
        if clean == true { return text }
        var needsWork = false
        for byte in text.utf8 where byte == UInt8(ascii: "{") || (byte >= 65 && byte <= 70) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var body = Substring(text)
        if body.hasPrefix("{") && body.hasSuffix("}") { body = body.dropFirst().dropLast() }
        guard body.utf8.count == 36, body.utf8.allSatisfy({ isHex($0) || $0 == UInt8(ascii: "-") }) else { return text }
        return body.lowercased()
    }

    private static func isHex(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102) }
}
