"""Bind every scenario of every feature file in features/ (pytest-bdd: one test per scenario and Examples row).

Paths are relative to `bdd_features_base_dir` (features/, set in pyproject.toml); the steps are in conftest.py.
"""
from pytest_bdd import scenarios

scenarios(".")
