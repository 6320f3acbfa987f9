"""Benchmarks: each prints FIGURE lines and RATIO lines against a raw baseline measured in the same run."""
