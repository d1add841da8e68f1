EarlyAnswer.exitIfAnswered()
CommandEntry.main()
