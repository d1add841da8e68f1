import DashboardModel

/// Maps the dashboard's selection (focus, selected item, chart segment) to a `DrilldownTarget`: one case per kind of
/// number. Pure: the count-equals-figure tests run it against a real store.
enum DrilldownMapper {
    /// The target of the focused panel's selection, or a message saying what to select.
    static func target(state: UIState, data: DashboardData, geometry: ViewGeometry) -> Result<DrilldownTarget, DrilldownRefusal> {
        guard case .panel(let panel) = state.focus, !state.wall else { return .failure(.noPanel) }
        let f = data.filters
        switch panel {
        case .statusChart:
            guard let i = state.selection[panel], geometry.chartBuckets.indices.contains(i) else { return .failure(.noSelection) }
            let bucket = geometry.chartBuckets[i]
            let oneDay = bucket.start == bucket.end
            let days = oneDay ? bucket.start.iso : "\(bucket.start.iso)..\(bucket.end.iso)"
            var narrowed = f
            if !oneDay { narrowed.range = .between(bucket.start, bucket.end) }
            if let status = state.chartSegment(in: bucket, labels: geometry.chartLabels),
               let s = geometry.chartLabels.firstIndex(of: status) {
                let selection: DeliverySelection = oneDay ? .statusOnDay(status, bucket.start) : .status(status)
                return .success(DrilldownTarget(filters: narrowed, selection: selection, label: "Status \(status) on \(days)",
                                                figure: bucket.counts[s]))
            }
            let selection: DeliverySelection = oneDay ? .day(bucket.start, processedOnly: false) : .all
            return .success(DrilldownTarget(filters: narrowed, selection: selection, label: "Created \(days)", figure: bucket.total))
        case .resultDonut:
            guard let i = state.selection[panel], data.processedByResult.indices.contains(i) else { return .failure(.noSelection) }
            let entry = data.processedByResult[i]
            return .success(DrilldownTarget(filters: f, selection: .result(entry.label), label: "Result \(entry.label)",
                                            figure: entry.count))
        case .dialModeDonut:
            guard let i = state.selection[panel], data.processedByDialMode.indices.contains(i) else { return .failure(.noSelection) }
            let entry = data.processedByDialMode[i]
            return .success(DrilldownTarget(filters: f, selection: .dialMode(entry.label), label: "Dial mode \(entry.label)",
                                            figure: entry.count))
        case .configurationTable:
            guard let i = state.selection[panel], data.byConfiguration.indices.contains(i) else { return .failure(.noSelection) }
            let row = data.byConfiguration[i]
            return .success(DrilldownTarget(filters: f, selection: .configuration(id: row.id, processedOnly: false),
                                            label: "Configuration \(row.name)", figure: row.total))
        case .queueTable:
            guard let i = state.selection[panel], data.byQueue.indices.contains(i) else { return .failure(.noSelection) }
            let row = data.byQueue[i]
            return .success(DrilldownTarget(filters: f, selection: .queue(id: row.id, processedOnly: false),
                                            label: "Queue \(row.name)", figure: row.total))
        case .compliance:
            // A configuration's row: its abandoned calls (the rate's numerator) over the compliance window.
            guard let compliance = data.compliance, let i = state.selection[panel], compliance.rows.indices.contains(i) else {
                return .failure(.noSelection)
            }
            let row = compliance.rows[i]
            var window = f
            window.range = .between(compliance.from, compliance.to)
            window.set(.configuration, [row.id])
            return .success(DrilldownTarget(filters: window, selection: .result(DeliveryResult.abandonedLabels.sorted()[0]),
                                            label: "Abandoned, \(row.name), \(compliance.from.iso)..\(compliance.to.iso)",
                                            figure: row.abandoned))
        case .dateTable:
            // The date table shows its last day selected until one is chosen (as it draws it).
            let i = state.selection[panel] ?? (data.byDate.count - 1)
            guard data.byDate.indices.contains(i) else { return .failure(.noSelection) }
            let row = data.byDate[i]
            return .success(DrilldownTarget(filters: f, selection: .day(row.date, processedOnly: false),
                                            label: "Created \(row.date.iso)", figure: row.total))
        }
    }

    /// A header figure (`X` cycles them in the list's absence): total, processed, and the live pending, in progress and
    /// last-hour throughput when the data has live figures.
    static func headerTargets(data: DashboardData) -> [DrilldownTarget] {
        let f = data.filters
        var targets = [DrilldownTarget(filters: f, selection: .all, label: "All deliveries", figure: data.totalDeliveries),
                       DrilldownTarget(filters: f, selection: .processed, label: "Processed", figure: data.processed)]
        if let live = data.live {
            targets += [DrilldownTarget(filters: f, selection: .pending, label: "Pending (all dates)", figure: live.pending),
                        DrilldownTarget(filters: f, selection: .inProgress, label: "In progress (all dates)", figure: live.inProgress),
                        DrilldownTarget(filters: f, selection: .processedLastHour, label: "Processed in the last hour",
                                        figure: live.throughputPerHour)]
        }
        return targets
    }
}
