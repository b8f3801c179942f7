"""Reading and writing what the analysis produced: project files, serialisation, table and graph exports."""
