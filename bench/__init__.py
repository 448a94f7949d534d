"""Benchmarks (not run by the test suite). See README.md."""
