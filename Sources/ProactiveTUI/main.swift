import CommandSupport

SyncHandOver.execIfSync()
EarlyAnswer.exitIfAnswered()
CommandEntry.main(RootCommand.self)
