import DashboardModel
print("proactive-tui")
