from checker.cli import check_main

check_main()
