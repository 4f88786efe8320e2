"""A record as a self-contained HTML page from Python: the page `infmax report` writes."""

import os
import tempfile

import pytest

import influencekit as ik
from conftest import KARATE, infmax_path

# Anything in a page that would make a browser fetch something (the SVG namespace is a name).
FETCHES = ("src=", "<link", "@import", "url(", 'href="http', 'href="//')


def test_html_of_a_seeds_record():
    graph = ik.Graph.from_file(KARATE, undirected=True)
    report = graph.seeds(4, seed=1, threads=2)
    page = report.html()
    assert page.startswith("<!DOCTYPE html>")
    assert "default-src 'none'" in page
    # Every seed in the table, in selection order.
    position = 0
    for label in report.seeds:
        found = page.find(f"<td>{label}</td>", position)
        assert found >= 0, label
        position = found
    assert [fetch for fetch in FETCHES if fetch in page] == []
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "seeds.html")
        report.save_html(path)
        with open(path, encoding="utf-8") as file:
            assert file.read() == page


def test_the_page_is_the_one_infmax_report_writes():
    """The same record gives the same page from Python and from `infmax report`."""
    import subprocess

    graph = ik.Graph.from_file(KARATE, undirected=True)
    report = graph.cim(2, ap_file=os.path.join(os.path.dirname(KARATE), "karate-aps.txt"), ap_set=1, seed=1, threads=1)
    with tempfile.TemporaryDirectory() as directory:
        record = os.path.join(directory, "cim.json")
        with open(record, "w", encoding="utf-8") as file:
            file.write(report.to_json())
        page = os.path.join(directory, "cim.html")
        subprocess.run([infmax_path(), "report", "-", "--output", page, "--quiet"], input=report.to_json().encode(), check=True)
        with open(page, encoding="utf-8") as file:
            assert file.read() == report.html()


def test_what_is_not_a_record_is_refused():
    with pytest.raises(ik.ParseError) as raised:
        ik.Result(record={}, text='{"useCase": "teleport"}').html()
    assert "useCase" in str(raised.value)
