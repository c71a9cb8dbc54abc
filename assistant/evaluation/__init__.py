"""Evaluation: the assistant against BM25, dense and naive LangChain baselines on eval/questions.jsonl.

``assistant eval`` calls :func:`assistant.evaluation.harness.run_evaluation`.
"""
