import CommandSupport

SyncHandOver.execIfSync()
EarlyAnswer.exitIfAnswered()
SnapshotFastPath.runIfPlain()
CommandEntry.main(RootCommand.self)
