"""`make bench`: measures build speed, live-reload latency, page weight and Lighthouse scores.

These are benchmarks, not tests: a slow number is reported against its goal, never failed on.
Entry point: `python -m bench.run` (see bench/run.py).
"""
