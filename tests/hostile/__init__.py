"""Hostile inputs for Standpoint: a generator of files that try to crash, hang, exhaust or trick the app."""
