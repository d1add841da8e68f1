import Foundation

/// A figure that rose over a level, for `--on-alert`: what it is, the level and its value (settings' unit).
public struct AlertEvent: Hashable, Sendable {
    public var figure: ThresholdFigure
    public var level: ThresholdLevel
    public var value: Double

    public init(figure: ThresholdFigure, level: ThresholdLevel, value: Double) {
        self.figure = figure
        self.level = level
        self.value = value
    }
}

/// What one look at the figures asks for.
public struct AlertActions: Hashable, Sendable {
    /// Ring the terminal bell (once, however many figures entered alert together).
    public var bell = false
    /// Run the alert command once for each of these.
    public var commands: [AlertEvent] = []

    public init(bell: Bool = false, commands: [AlertEvent] = []) {
        self.bell = bell
        self.commands = commands
    }
}

/// Decides when to ring and when to run the alert command, from the figures' levels over time. Pure state with the
/// time passed in (tests drive it with a fake clock).
///
/// - The bell rings when a figure enters alert (from warn or normal); a figure that stays in alert rings no more.
/// - The command runs when a figure rises to a level (normal to warn or alert, warn to alert), **at most once per
///   figure per `every` seconds**. A rise inside that window is held, not lost: it runs at the first look after the
///   window ends if the figure is still at that level or higher (with its level and value then). A figure that goes
///   back to normal starts over (its next rise is a new one), but the window still counts from its last run, so a
///   figure that flaps around its level runs the command at most once a window.
public struct AlertMonitor: Sendable {
    public var every: TimeInterval
    private var observed: [ThresholdFigure: ThresholdLevel] = [:]
    /// The highest level the command ran for since the figure was last normal.
    private var notified: [ThresholdFigure: ThresholdLevel] = [:]
    private var lastRun: [ThresholdFigure: Date] = [:]

    public init(every: TimeInterval) { self.every = every }

    /// Takes in the figures now (a figure missing from `readings` reads normal) and says what to do.
    public mutating func observe(_ readings: [ThresholdReading], now: Date) -> AlertActions {
        var actions = AlertActions()
        let byFigure = Dictionary(readings.map { ($0.figure, $0) }, uniquingKeysWith: { a, _ in a })
        for figure in ThresholdFigure.allCases {
            let reading = byFigure[figure]
            let level = reading?.level ?? .normal
            let before = observed[figure] ?? .normal
            observed[figure] = level
            if level == .alert, before < .alert { actions.bell = true }
            guard level > .normal, let reading else {
                notified[figure] = nil
                continue
            }
            guard level > (notified[figure] ?? .normal) else { continue }
            if let last = lastRun[figure], now.timeIntervalSince(last) < every { continue }
            actions.commands.append(AlertEvent(figure: figure, level: level, value: reading.value))
            notified[figure] = level
            lastRun[figure] = now
        }
        return actions
    }

    /// The level each figure was at the last look.
    public func level(of figure: ThresholdFigure) -> ThresholdLevel { observed[figure] ?? .normal }
}
