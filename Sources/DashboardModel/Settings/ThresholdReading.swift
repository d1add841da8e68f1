/// A figure's value as its thresholds measure it, and its level.
public struct ThresholdReading: Hashable, Sendable {
    public var figure: ThresholdFigure
    /// In the settings' unit: a fraction for rates and shares, a count for pending, minutes for time to clear
    /// (infinite when work is pending and nothing was processed in the last hour).
    public var value: Double
    public var level: ThresholdLevel

    public init(figure: ThresholdFigure, value: Double, level: ThresholdLevel) {
        self.figure = figure
        self.value = value
        self.level = level
    }
}

extension Thresholds {
    /// The figure's value in `data`, in the settings' unit; nil when the data does not have it (no live figures,
    /// nothing attempted, no compliance figure).
    public static func value(of figure: ThresholdFigure, in data: DashboardData) -> Double? {
        let live = data.live
        func share(_ status: DeliveryStatus) -> Double? {
            guard data.totalDeliveries > 0 else { return nil }
            let count = data.deliveriesByStatus.first { $0.label == status.label }?.count ?? 0
            return Double(count) / Double(data.totalDeliveries)
        }
        switch figure {
        case .abandonedRate: return live?.abandonedRate
        case .connectRate: return live?.connectRate
        case .pending: return live.map { Double($0.pending) }
        case .timeToClear:
            guard let live else { return nil }
            if let seconds = live.secondsToClear { return Double(seconds) / 60 }
            return live.pending > 0 ? .infinity : 0
        case .processedRate:
            return data.totalDeliveries > 0 ? Double(data.processed) / Double(data.totalDeliveries) : nil
        case .errorShare: return share(.error)
        case .expiredShare: return share(.expired)
        case .complianceRate: return data.compliance?.worstRate
        }
    }

    /// The readings of every figure that has a rule and a value in `data`, in `ThresholdFigure` order.
    public func readings(for data: DashboardData) -> [ThresholdReading] {
        ThresholdFigure.allCases.compactMap { figure in
            guard let rule = rules[figure], let value = Thresholds.value(of: figure, in: data) else { return nil }
            return ThresholdReading(figure: figure, value: value, level: rule.level(of: value))
        }
    }

    /// The level of a figure in `data` (normal without a rule or a value).
    public func level(_ figure: ThresholdFigure, in data: DashboardData) -> ThresholdLevel {
        level(figure, Thresholds.value(of: figure, in: data))
    }
}
