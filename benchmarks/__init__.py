"""Benchmarks: measured figures, not tests (see benchmarks/README.md)."""
