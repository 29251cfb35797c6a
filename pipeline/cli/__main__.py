"""`python -m pipeline.cli ARGS`: the same as the `pdd` console script."""

from pipeline.cli.root import main

main()
