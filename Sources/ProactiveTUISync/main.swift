import CommandSupport

// `proactive-tui sync ...` arrives here through `execv` with its arguments as they were (`sync` first).
CommandEntry.main(SyncRootCommand.self)
