EarlyAnswer.exitIfAnswered()
SnapshotFastPath.runIfPlain()
CommandEntry.main()
