/// A fixed discrete distribution over indices 0..<n, picked with one uniform draw.
struct DemoWeightedChoice: Sendable {
    /// Cumulative weights normalised so the last is 1.
    let cumulative: [Double]

    init(_ weights: [Double]) {
        let total = weights.reduce(0, +)
        precondition(total > 0, "a weighted choice needs a positive weight")
        var running = 0.0
        var cumulative: [Double] = []
        cumulative.reserveCapacity(weights.count)
        for w in weights {
            running += max(0, w)
            cumulative.append(running / total)
        }
        cumulative[cumulative.count - 1] = 1
        self.cumulative = cumulative
    }

    @inline(__always) func pick(_ u: Double) -> Int {
        var i = 0
        let last = cumulative.count - 1
        while i < last && u >= cumulative[i] { i += 1 }
        return i
    }

    @inline(__always) func pick(_ rng: inout DemoRandom) -> Int { pick(rng.unit()) }
}

/// Labels with weights, e.g. results and their shares.
struct DemoLabelChoice: Sendable {
    let labels: [String]
    let choice: DemoWeightedChoice

    init(_ pairs: KeyValuePairs<String, Double>) {
        labels = pairs.map(\.key)
        choice = DemoWeightedChoice(pairs.map(\.value))
    }

    @inline(__always) func pick(_ rng: inout DemoRandom) -> String { labels[choice.pick(rng.unit())] }
}
