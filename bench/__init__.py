"""Benchmark: the real bot process against the local fakes (`python -m bench.run`, see README)."""
