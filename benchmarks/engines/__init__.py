"""The same SQL data on SQLite, PostgreSQL and MariaDB, with each server's native types.

pdd's SQL reader meets real tables on real servers: ``integer`` keys made by ``serial``, MariaDB
``mediumint unsigned``, ``year``, ``enum``, ``set``, binary columns, decimals, dates, composite keys,
tables without a key. The SQLite files of ``../shared/realdata/db`` (and the demo's ``app.db``) hold
the same data with SQLite's few storage classes; this package loads them into the servers of this
machine with the types the original sample databases declare (``schema`` says which, and why),
plus a synthetic large table per engine (``large``). Tests (tests/test_engines.py) and the
per-engine real-data benchmark (``python -m benchmarks.engines bench``) use it.

    python -m benchmarks.engines load|drop|bench ...   (see --help)
"""
