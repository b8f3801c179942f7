"""Standpoint's PySide6 + pyqtgraph desktop GUI: a thin layer over `core`'s public API."""
