from mishu.cli import main

main()
