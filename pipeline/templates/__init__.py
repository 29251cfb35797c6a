"""Log templates: which statement wrote personal data into a log (issue 24, contract.md §5).

miner.py mines templates with Drain3 (masks.py first, settings.py tuned on the loghub dev logs); slots.py
turns a template into ``<*>`` text and slot values; classify.py classifies each slot like a column;
messages.py picks and reads a log's message field. hook.py's ``log_templates`` is the scan's hook (the
classify step); the ``pdd templates`` command (cli.py) mines every line of one log. This ``__init__`` imports
nothing, so that ``pdd --help`` (which lists ``pdd templates``) loads no classifier.
"""
