/// The real-time tiles: current pending and in-progress work (every filter but the date range), throughput over
/// the last 60 minutes, time to clear, and the rates over the processed deliveries of the date range.
///
/// Attempted = processed (`Complete`) deliveries: each placed a call and has a result.
/// Connected = results where a person answered: `DeliveryResult.connectedLabels`.
/// Abandoned = `DeliveryResult.abandonedLabels` (answered, then dropped before a representative took it).
enum LiveFiguresCalculator {
    /// The first minute the throughput counts at `now` (epoch seconds): the one holding now - 60 min.
    static func firstMinute(now: Int64) -> Int64 { TimeSlots.minute(of: now - 3600) }

    static func compute(index: AggregateIndex, matcher: FilterMatcher, now: Int64, total: Int, processed: Int,
                        processedByResult: [CountEntry]) -> LiveFigures {
        let pendingLabel = DeliveryStatus.pending.label, inProcessLabel = DeliveryStatus.inProcess.label
        var pending = 0, inProgress = 0
        for id in 1..<index.combos.count where matcher.passes(id) {
            guard let combo = index.combos[id] else { continue }
            let status = index.value(.status, combo.statusIndex)
            if status == pendingLabel { pending += Int(index.allTime[id]) }
            else if status == inProcessLabel { inProgress += Int(index.allTime[id]) }
        }
        // The last 60 minutes at minute resolution: from the minute holding now - 60 min through the one holding
        // now (exact when now is on a whole minute).
        let firstMinute = firstMinute(now: now), lastMinute = TimeSlots.minute(of: now)
        var throughput = 0
        for row in index.recent where row.minute >= firstMinute && row.minute <= lastMinute
            && Int(row.combo) < index.combos.count && matcher.passes(Int(row.combo)) {
            throughput += Int(row.n)
        }
        let connected = processedByResult.filter { DeliveryResult.connectedLabels.contains($0.label) }.reduce(0) { $0 + $1.count }
        let abandoned = processedByResult.filter { DeliveryResult.abandonedLabels.contains($0.label) }.reduce(0) { $0 + $1.count }
        return LiveFigures(
            pending: pending, inProgress: inProgress, throughputPerHour: throughput,
            secondsToClear: throughput > 0 ? Int((Double(pending) / Double(throughput) * 3600).rounded()) : nil,
            processedRate: total > 0 ? Double(processed) / Double(total) : nil,
            abandonedRate: processed > 0 ? Double(abandoned) / Double(processed) : nil,
            connectRate: processed > 0 ? Double(connected) / Double(processed) : nil)
    }
}
