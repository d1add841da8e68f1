CommandEntry.main()
