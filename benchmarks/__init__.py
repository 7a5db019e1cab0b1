"""Timings of the app on generated sessions: `make bench` (python -m benchmarks)."""
