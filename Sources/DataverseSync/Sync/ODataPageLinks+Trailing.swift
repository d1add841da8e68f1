import Foundation

extension ODataPageLinks {
    /// The `@odata.nextLink` of a page that ends with it, read backwards from the end of the body:
    /// `…],"@odata.nextLink":"…"}`, the last member of the top-level object directly after the `value` array's end,
    /// as the Web API writes its pages. The next request need not wait for the whole page to be read: `parse` reads
    /// it after (and must find the same link, or the page is refused). nil when the page does not end so (a last
    /// page, a link elsewhere in the object, anything else): then only `parse` can tell.
    ///
    /// Text inside the rows cannot pose as this link: everything read here lies after the array's closing bracket,
    /// and a string is read back to its first quote that no backslash escapes (an even run of backslashes before a
    /// quote escapes only themselves).
    public static func trailingNextLink(_ bytes: [UInt8]) -> String? {
        var i = bytes.count - 1
        func skipSpace() { while i >= 0, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i -= 1 } }
        func expect(_ byte: UInt8) -> Bool {
            skipSpace()
            guard i >= 0, bytes[i] == byte else { return false }
            i -= 1
            return true
        }
        /// From a string's closing quote at `i`, back to its opening quote; its index, or nil.
        func stringStart() -> Int? {
            skipSpace()
            guard i >= 0, bytes[i] == UInt8(ascii: "\"") else { return nil }
            i -= 1
            while i >= 0 {
                if bytes[i] == UInt8(ascii: "\"") {
                    var backslashes = 0
                    while i - 1 - backslashes >= 0, bytes[i - 1 - backslashes] == UInt8(ascii: "\\") { backslashes += 1 }
                    if backslashes % 2 == 0 {
                        let start = i
                        i -= 1
                        return start
                    }
                }
                i -= 1
            }
            return nil
        }
        guard expect(UInt8(ascii: "}")), let linkStart = stringStart(), expect(UInt8(ascii: ":")),
              let keyStart = stringStart(), expect(UInt8(ascii: ",")), expect(UInt8(ascii: "]")) else { return nil }
        var k = keyStart, l = linkStart
        guard (try? readString(bytes, &k)) == "@odata.nextLink", let link = try? readString(bytes, &l) else { return nil }
        return link
    }
}
