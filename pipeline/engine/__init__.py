"""The scan engine: typed steps, one run store, one executor interface (see docs/architecture.md).

    context.py   ScanContext: config, policy, classifier, source opener, person index; built once
    dataset.py   the work on one dataset: classify a sample, sweep a unit, finish (merge the units)
    steps.py     Discover, Link, Classify, Sweep: run / kept (resume) / failed, each against the store
    store.py     RunStore: the run folder, one JSON file per step result
    executors.py Inline and WorkerPool (and WorkerDied); Airflow is the third executor (airflow.py)
    assemble.py  the report from the store
    run.py       Engine: schedules the steps on an executor; scan() for a run in a temporary folder

This package's ``__init__`` imports nothing, so that any module may import one engine module without
loading the rest (pipeline/linkage/index.py needs dataset.py; the link step in steps.py needs it).
"""
