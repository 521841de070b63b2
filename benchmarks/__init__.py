"""articlekit's benchmark harness: corpora + extractors → scores, timings, reports, gate.

Run ``python -m benchmarks --help`` from the repository root. Stages:
``corpora`` (files → documents with gold) → ``extractors`` (documents → timed
predictions) → ``scoring``/``metrics`` (predictions → per-document scores → corpus
metrics) → ``report`` (tables, JSON, docs) and ``gate`` (metrics vs ``floors.json``).
"""
