"""The frozen app's main script: hands over to desktop.app.launcher (kept tiny so the real code stays importable)."""
import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a child process of a frozen app must not start a second window
    from desktop.app.launcher import main

    sys.exit(main())
