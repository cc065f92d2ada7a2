from checker.cli import check_main

raise SystemExit(check_main())
