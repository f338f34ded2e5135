from cloudexit.cli.main import run

run()
