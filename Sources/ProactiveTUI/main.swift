RootCommand.main()
