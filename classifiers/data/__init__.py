"""Word lists the value recognizers read (one entry per line, ``#`` comments), shipped as package data.

Read through classifiers.recognizers.lexicon, once per process. Where each list
comes from is written at the top of the file and in docs/names.md.
"""
