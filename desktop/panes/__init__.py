"""The panes around the charts: article and actor lists, the source text, the evidence list and the search box."""
