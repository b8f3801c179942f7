"""Standpoint's Qt-free core: reading articles, analysing them, and the tables the views show."""

__version__ = "0.1.0"
