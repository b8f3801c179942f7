"""Work off the GUI thread: the analysis worker (language model and pipeline) and short background jobs."""
