"""Value recognizers: one per file, in a folder that says its scope (generic/, country/...).

Each is a Presidio recognizer that emits pdd entity names directly. The list
that the engine loads is classifiers.registry.RECOGNIZERS.
"""
