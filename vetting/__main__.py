from vetting.cli import main

raise SystemExit(main())
