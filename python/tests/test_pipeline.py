"""Requirement: the README's "Python pipeline" example runs as written, and its tables are those
the engine gives for the same files: the seeds and gains of Graph.from_file, the invitee lists and
scores of InviteGraph.from_files (each compared row by row: any wrong seed, gain, invitee, score
or metric fails)."""

import os
import re
import subprocess
import sys

import influencekit as ik
from conftest import ROOT

INVITE = os.path.join(ROOT, "Graphs", "invite")


def readme_example():
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    assert "\n## Python pipeline\n" in text, "README.md has no section titled Python pipeline"
    match = re.search(r"<!-- python-pipeline-example -->\n```python\n(.*?)```", text, re.S)
    assert match, "README.md has no block after <!-- python-pipeline-example -->"
    return match.group(1)


def test_readme_pipeline_runs_as_written():
    completed = subprocess.run([sys.executable, "-c", readme_example()], cwd=ROOT, capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.strip().splitlines()
    assert lines[0].split() == ["rank", "label", "marginal_gain"]
    rows = [line.split() for line in lines[1:6]]
    expected = ik.Graph.from_file(os.path.join(ROOT, "Graphs", "karate.txt"), undirected=True).seeds(5, epsilon=0.1, seed=1)
    frame = expected.to_frame()
    assert [int(r[0]) for r in rows] == [1, 2, 3, 4, 5]
    assert tuple(r[1] for r in rows) == expected.seeds
    assert [float(r[2]) for r in rows] == [round(g, 6) for g in frame["marginal_gain"]]
    assert lines[6].startswith("spread ") and "(Monte Carlo)" in lines[6]
    assert float(lines[6].split()[1]) == round(expected.spread.estimate, 2)

    invite = ik.InviteGraph.from_files(os.path.join(INVITE, "invitations.tsv"), os.path.join(INVITE, "acceptance.tsv"),
                                       inviters=os.path.join(INVITE, "inviter-list.txt"))
    lists = invite.recommend(3, seed=1).to_frame().head(6)
    assert lines[7].split() == ["inviter", "rank", "invitee", "score"]
    printed = [line.split() for line in lines[8:14]]
    # inviter, rank and invitee exactly; the score as pandas prints it (6 decimals), so within half
    # of its last digit of the engine's score (any other invitee's score differs by far more).
    assert len(printed) == len(lists)
    for row, want in zip(printed, lists.itertuples(index=False)):
        assert row[:3] == [str(want[0]), str(want[1]), str(want[2])]
        assert abs(float(row[3]) - float(want[3])) <= 5e-7, (row, want)
    scores = invite.evaluate(3, os.path.join(INVITE, "held-out.tsv"), worlds=1000, seed=1).evaluation_frame()
    scores = scores[scores["k"] == 3]
    assert lines[14].split() == ["method", "k", "recall", "ndcg", "spread"]
    printed = [line.split() for line in lines[15:]]
    assert [r[0] for r in printed] == list(scores["method"]) and len(printed) == 6
    for row, (_, want) in zip(printed, scores.iterrows()):
        assert [float(x) for x in row[2:]] == [round(want["recall"], 6), round(want["ndcg"], 6), round(want["spread"], 3)]
