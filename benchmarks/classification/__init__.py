"""Benchmark of pdd's field classification against a labelled corpus, beside a plain-Presidio baseline.

    python -m benchmarks.classification --split train|test|all [--seed N] [--locales a,b] [--workdir DIR]

See docs/benchmarks.md ("Classification") for what is measured and the results.
"""
