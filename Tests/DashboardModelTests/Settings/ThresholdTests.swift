import DashboardModel
import Foundation
import Testing

@Suite struct ThresholdTests {
    /// Reaching a level counts as over it, in both directions; NaN is never over.
    @Test func levelsAtTheirEdges() {
        let above = ThresholdRule(.above, warn: 0.02, alert: 0.03)
        #expect(above.level(of: 0.019999) == .normal)
        #expect(above.level(of: 0.02) == .warn)
        #expect(above.level(of: 0.029999) == .warn)
        #expect(above.level(of: 0.03) == .alert)
        #expect(above.level(of: 3.0 / 100.0) == .alert)  // a rate of counts lands on the level exactly
        #expect(above.level(of: 0.5) == .alert)
        #expect(above.level(of: .nan) == .normal)
        let below = ThresholdRule(.below, warn: 0.5, alert: 0.4)
        #expect(below.level(of: 0.500001) == .normal)
        #expect(below.level(of: 0.5) == .warn)
        #expect(below.level(of: 0.400001) == .warn)
        #expect(below.level(of: 0.4) == .alert)
        #expect(below.level(of: 0) == .alert)
        #expect(ThresholdRule(.above, alert: 10).level(of: 9) == .normal)
        #expect(ThresholdRule(.above, warn: 10).level(of: 1_000) == .warn)
        #expect(ThresholdLevel.warn.marker == "!" && ThresholdLevel.alert.marker == "!!" && ThresholdLevel.normal.marker.isEmpty)
    }

    func data(total: Int, processed: Int, byStatus: [CountEntry], live: LiveFigures?) -> DashboardData {
        var d = DashboardData.empty(filters: DashboardFilters(timeZone: "UTC"))
        d.totalDeliveries = total
        d.processed = processed
        d.deliveriesByStatus = byStatus
        d.live = live
        return d
    }

    @Test func figuresFromTheData() {
        let live = LiveFigures(pending: 30, inProgress: 2, throughputPerHour: 0, secondsToClear: nil, processedRate: 0.6,
                               abandonedRate: 0.03, connectRate: 0.45)
        let d = data(total: 200, processed: 120, byStatus: [CountEntry("Complete", 120), CountEntry("Error", 10),
                                                            CountEntry("Expired", 70)], live: live)
        #expect(Thresholds.value(of: .errorShare, in: d) == 0.05)
        #expect(Thresholds.value(of: .expiredShare, in: d) == 0.35)
        #expect(Thresholds.value(of: .processedRate, in: d) == 0.6)
        #expect(Thresholds.value(of: .pending, in: d) == 30)
        // Work pending and nothing processed in the last hour: it never clears.
        #expect(Thresholds.value(of: .timeToClear, in: d) == .infinity)
        var t = Thresholds()
        t[.abandonedRate] = ThresholdRule(.above, warn: 0.02, alert: 0.03)
        t[.connectRate] = ThresholdRule(.below, warn: 0.5, alert: 0.4)
        t[.timeToClear] = ThresholdRule(.above, warn: 60, alert: 240)
        t[.complianceRate] = ThresholdRule(.above, alert: 0.03)
        let readings = t.readings(for: d)
        #expect(readings.map(\.figure) == [.abandonedRate, .connectRate, .timeToClear])
        #expect(readings.map(\.level) == [.alert, .warn, .alert])
        #expect(t.level(.errorShare, in: d) == .normal)  // no rule
    }

    func reading(_ figure: ThresholdFigure, _ level: ThresholdLevel, _ value: Double = 1) -> ThresholdReading {
        ThresholdReading(figure: figure, value: value, level: level)
    }

    /// The command runs at most once per figure per window, a held rise runs when the window ends, the bell rings
    /// on entering alert only.
    @Test func alertRateLimitWithAFakeClock() {
        var monitor = AlertMonitor(every: 15 * 60)
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

        var a = monitor.observe([reading(.abandonedRate, .warn, 0.021)], now: at(0))
        #expect(!a.bell)
        #expect(a.commands == [AlertEvent(figure: .abandonedRate, level: .warn, value: 0.021)])
        // Still at warn: nothing.
        a = monitor.observe([reading(.abandonedRate, .warn, 0.022)], now: at(1))
        #expect(a == AlertActions())
        // Rises to alert inside the window: the bell rings now, the command waits.
        a = monitor.observe([reading(.abandonedRate, .alert, 0.031)], now: at(5))
        #expect(a.bell && a.commands.isEmpty)
        // Another figure has its own window.
        a = monitor.observe([reading(.abandonedRate, .alert, 0.031), reading(.pending, .alert, 900)], now: at(6))
        #expect(a.bell)
        #expect(a.commands == [AlertEvent(figure: .pending, level: .alert, value: 900)])
        // 14:59 after the first run: still held.
        a = monitor.observe([reading(.abandonedRate, .alert, 0.032), reading(.pending, .alert, 900)], now: at(14.99))
        #expect(a == AlertActions())
        // The window ends: the held rise runs with the value now; the bell does not ring again.
        a = monitor.observe([reading(.abandonedRate, .alert, 0.033), reading(.pending, .alert, 900)], now: at(15))
        #expect(!a.bell)
        #expect(a.commands == [AlertEvent(figure: .abandonedRate, level: .alert, value: 0.033)])
        // Staying in alert runs nothing more.
        a = monitor.observe([reading(.abandonedRate, .alert, 0.033)], now: at(40))
        #expect(a.commands.isEmpty)
        // Back to normal, then alert again at once: the bell rings, the command (last run at 15) may run at 40+.
        a = monitor.observe([], now: at(41))
        #expect(a == AlertActions())
        #expect(monitor.level(of: .abandonedRate) == .normal)
        a = monitor.observe([reading(.abandonedRate, .alert, 0.04)], now: at(42))
        #expect(a.bell)
        #expect(a.commands == [AlertEvent(figure: .abandonedRate, level: .alert, value: 0.04)])
        // Flapping inside the window: the bell rings each time it enters alert, the command does not run.
        _ = monitor.observe([], now: at(43))
        a = monitor.observe([reading(.abandonedRate, .alert, 0.04)], now: at(44))
        #expect(a.bell && a.commands.isEmpty)
    }
}
