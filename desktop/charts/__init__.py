"""The charts: timeline, stance matrix and stance over time, their shared axes, items, colours and export."""
