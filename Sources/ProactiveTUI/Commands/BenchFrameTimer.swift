import Bench
import DashboardModel
import Foundation

/// Times "filter change to finished frame" for each state of the benchmark: `MetricsEngine.compute` on the
/// in-memory index, then layout and render of the whole screen into the in-memory grid (`TextSnapshot`). By default
/// as the dashboard draws: the previous period and the compliance figure computed and the change shown; with
/// `periodFigures` off, as before issue 13 (neither computed nor shown), to measure what they cost.
struct BenchFrameTimer {
    struct Sample {
        var state: BenchState
        var computeMs: Double
        var renderMs: Double
        /// CPU time of the process during compute and render: both threads when a long range is summed on two (the
        /// benchmark runs nothing else meanwhile).
        var cpuMs: Double
        var totalMs: Double { computeMs + renderMs }
        var totals: BenchTotals
        var renderedLines: Int
    }

    let index: AggregateIndex
    let now: Date
    let width: Int
    let height: Int
    var periodFigures = true

    func run(_ states: [BenchState]) -> [Sample] { states.map(sample) }

    /// Each state timed with the previous period and compliance, then without, one after the other (so a machine
    /// whose speed drifts slows both alike).
    func runInterleaved(_ states: [BenchState]) -> (with: [Sample], without: [Sample]) {
        var on = self, off = self
        on.periodFigures = true
        off.periodFigures = false
        var with: [Sample] = [], without: [Sample] = []
        for state in states {
            with.append(on.sample(state))
            without.append(off.sample(state))
        }
        return (with, without)
    }

    func sample(_ state: BenchState) -> Sample {
        let cpuStart = CPUClock.processMilliseconds
        let (data, computeMs) = Stopwatch.time {
            MetricsEngine.compute(index: index, filters: state.filters, now: now, periodFigures: periodFigures)
        }
        var ui = UIState()
        ui.showComparison = periodFigures
        let (lines, renderMs) = Stopwatch.time {
            TextSnapshot.render(data: data, width: width, height: height, unicode: true, state: ui)
        }
        let cpuMs = CPUClock.processMilliseconds - cpuStart
        return Sample(state: state, computeMs: computeMs, renderMs: renderMs, cpuMs: cpuMs, totals: BenchTotals(data),
                      renderedLines: lines.count)
    }
}
