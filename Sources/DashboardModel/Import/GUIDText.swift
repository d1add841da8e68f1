/// Ids as Dataverse means them: GUIDs compare without regard to case or braces, so an id exported by a tool that
/// writes `{3B7DAE04-...}` joins to the same id written `3b7dae04-...`. Other ids are kept as they are.
enum GUIDText {
    static func normalize(_ text: String) -> String {
        var copy = text
        guard copy.withUTF8({ needsNormalizing($0) }) else { return text }
        var body = Substring(text)
        if body.hasPrefix("{") && body.hasSuffix("}") { body = body.dropFirst().dropLast() }
        guard body.utf8.count == 36, body.utf8.allSatisfy({ isHex($0) || $0 == UInt8(ascii: "-") }) else { return text }
        return body.lowercased()
    }

    /// False when `normalize` would return the text as it is for certain: no brace, no upper-case hex digit (most
    /// ids, checked in one pass over their bytes).
    static func needsNormalizing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = bytes.baseAddress else { return false }
        var found = false
        for i in 0..<bytes.count {
            let b = p[i]
            found = found || b == 123 || b &- 65 < 6  // '{', 'A'...'F'
        }
        return found
    }

    private static func isHex(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102) }
}
