"""Requirement: the README's pipeline example runs as written, and gives the seeds the engine
picks for that frame."""

import os
import re
import subprocess
import sys

from conftest import ROOT


def readme_example():
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    match = re.search(r"<!-- python-pipeline-example -->\n```python\n(.*?)```", text, re.S)
    assert match, "README.md has no block after <!-- python-pipeline-example -->"
    return match.group(1)


def test_readme_pipeline_runs_as_written():
    completed = subprocess.run([sys.executable, "-c", readme_example()], cwd=ROOT, capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.strip().splitlines()
    assert lines[0].split() == ["rank", "label", "marginal_gain"]
    rows = [line.split() for line in lines[1:6]]
    assert [int(r[0]) for r in rows] == [1, 2, 3, 4, 5]
    # The same seeds as the engine picks from the file itself.
    import influencekit as ik

    expected = ik.Graph.from_file(os.path.join(ROOT, "Graphs", "karate.txt"), undirected=True).seeds(5, seed=1)
    assert [r[1] for r in rows] == expected["seeds"]
    gains = [float(r[2]) for r in rows]
    assert gains == sorted(gains, reverse=True)
    assert lines[-1].startswith("spread ") and "(Monte Carlo)" in lines[-1]
