import DashboardModel

enum TextSnapshot {
    static func render(data: DashboardData, width: Int, height: Int, unicode: Bool) -> [String] { [] }
}
