import DashboardModel
import Foundation

/// `snapshot --format text`: the dashboard's screen as plain text, as it would look at that size.
enum TextSnapshot {
    static func render(data: DashboardData, width: Int, height: Int, unicode: Bool, state: UIState = UIState(),
                       thresholds: Thresholds = Thresholds(), viewName: String? = nil) -> [String] {
        var context = ScreenContext(theme: unicode ? .unicode(colors: false) : .ascii(colors: false))
        context.thresholds = thresholds
        context.viewName = viewName
        return ScreenComposer.compose(data: data, state: state, context: context, width: width, height: height).grid.lines()
    }
}
