/// A rectangle of cells: column `x`, row `y`, `width` columns, `height` rows. Never negative in size.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    public var right: Int { x + width }
    public var bottom: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var area: Int { width * height }
    public var description: String { "Rect(\(x),\(y) \(width)x\(height))" }

    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < right && py >= y && py < bottom }

    /// Shrinks by `n` cells on every side.
    func inset(_ n: Int) -> Rect { inset(top: n, left: n, bottom: n, right: n) }

    func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    func intersection(_ other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(right, other.right), y1 = min(bottom, other.bottom)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// A rectangle of at most `w`×`h` centred in this one.
    func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width), ch = min(h, height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    /// One row of this rectangle (relative index), or an empty rect when out of range.
    public func row(_ index: Int) -> Rect {
        guard index >= 0, index < height else { return Rect(x: x, y: y + height, width: width, height: 0) }
        return Rect(x: x, y: y + index, width: width, height: 1)
    }

    /// Splits top to bottom into rows sized by `sizes`.
    public func rows(_ sizes: [LayoutSize]) -> [Rect] {
        var cursor = y
        return LayoutSize.resolve(sizes, total: height).map { h in
            defer { cursor += h }
            return Rect(x: x, y: cursor, width: width, height: h)
        }
    }

    /// Splits left to right into columns sized by `sizes`.
    public func columns(_ sizes: [LayoutSize]) -> [Rect] {
        var cursor = x
        return LayoutSize.resolve(sizes, total: width).map { w in
            defer { cursor += w }
            return Rect(x: cursor, y: y, width: w, height: height)
        }
    }

    /// Splits left to right into columns sized by `sizes`, with `gap` empty columns between them.
    public func columns(_ sizes: [LayoutSize], gap: Int) -> [Rect] {
        guard gap > 0, sizes.count > 1 else { return columns(sizes) }
        var spaced: [LayoutSize] = []
        for (i, s) in sizes.enumerated() {
            if i > 0 { spaced.append(.fixed(gap)) }
            spaced.append(s)
        }
        return columns(spaced).enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
    }
}

/// The size of one part of a split: a fixed number of cells, a percentage of the whole, or a weighted share of
/// what is left after fixed and percentage parts.
public enum LayoutSize: Hashable, Sendable {
    case fixed(Int)
    case percent(Int)
    case fill(Int)

    public static let fill = LayoutSize.fill(1)

    /// Sizes that sum to at most `total`: fixed and percent parts first (cut from the end when they overflow),
    /// then the rest shared by weight among `fill` parts (the remainder going to the first ones).
    public static func resolve(_ sizes: [LayoutSize], total: Int) -> [Int] {
        var result = sizes.map { size -> Int in
            switch size {
            case .fixed(let n): max(0, n)
            case .percent(let p): max(0, total * p / 100)
            case .fill: 0
            }
        }
        var used = result.reduce(0, +)
        var i = result.count - 1
        while used > total, i >= 0 {
            let cut = min(result[i], used - total)
            result[i] -= cut
            used -= cut
            i -= 1
        }
        let weights = sizes.map { if case .fill(let w) = $0 { max(0, w) } else { 0 } }
        let weightSum = weights.reduce(0, +)
        let rest = total - used
        if weightSum > 0, rest > 0 {
            var given = 0
            for (j, w) in weights.enumerated() where w > 0 {
                result[j] = rest * w / weightSum
                given += result[j]
            }
            var left = rest - given
            for (j, w) in weights.enumerated() where w > 0 && left > 0 {
                result[j] += 1
                left -= 1
            }
        }
        return result
    }
}
