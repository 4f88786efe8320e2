"""Shared fixtures: the repository, the `infmax` binary the records are compared with, the
datasets, and a helper that runs the CLI and parses its --json record.

Environment:
  INFLUENCEKIT_INFMAX   the infmax binary (default: .build/debug/infmax, then .build/release/infmax)
  INFLUENCEKIT_WHEEL    the wheel the install test installs (default: the newest in python/dist/)
"""

import json
import os
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KARATE = os.path.join(ROOT, "Graphs", "karate.txt")
KARATE_APS = os.path.join(ROOT, "Graphs", "karate-aps.txt")
WEIGHTED = os.path.join(ROOT, "Graphs", "weighted.txt")
NETHEPT = os.path.normpath(os.path.join(ROOT, "..", "shared", "graphs", "nethept.txt"))

# Keys of a record that are measured, not computed: they differ from run to run.
MEASURED = {"timings", "memory", "seconds", "simulationsPerSecond", "selectionSeconds", "loadSeconds", "evaluationSeconds"}


def infmax_path():
    explicit = os.environ.get("INFLUENCEKIT_INFMAX")
    if explicit:
        return explicit
    for configuration in ("debug", "release"):
        candidate = os.path.join(ROOT, ".build", configuration, "infmax")
        if os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="session")
def infmax():
    path = infmax_path()
    if path is None or not os.access(path, os.X_OK):
        pytest.skip("no infmax binary to compare with (build it, or set INFLUENCEKIT_INFMAX)")
    return path


@pytest.fixture(scope="session")
def nethept():
    if not os.path.isfile(NETHEPT):
        pytest.skip(f"{NETHEPT} is absent (the shared datasets sit beside the checkout)")
    return NETHEPT


def run_cli(infmax, *arguments):
    """The --json record `infmax ARGUMENTS --json` prints, as (text, dict)."""
    completed = subprocess.run(
        [infmax, *arguments, "--json", "--quiet"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, f"infmax {' '.join(arguments)}: {completed.stderr}"
    text = completed.stdout.rstrip("\n")
    return text, json.loads(text)


def computed(record):
    """`record` without its measured parts (timings, memory, seconds), recursively."""
    if isinstance(record, dict):
        return {key: computed(value) for key, value in record.items() if key not in MEASURED}
    if isinstance(record, list):
        return [computed(value) for value in record]
    return record


def cli_shape(report):
    """A Python report back in the CLI's shape: `seeds` as the CLI's per-seed entries."""
    record = dict(report)
    record["seeds"] = record.pop("seedDetails")
    return record
