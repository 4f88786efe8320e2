"""Requirement (issue "Hardening 2"): paths with a NUL byte are refused, not cut at the NUL
(ik.Graph.from_file("Graphs/karate.txt\\x00x") loaded karate.txt); labels are byte-exact
(NFC and NFD "café" are two nodes of Graph.from_edges, which refused them as a repeat)."""

import unicodedata

import pytest

import influencekit as ik
from conftest import KARATE, KARATE_APS


def test_a_path_with_a_nul_byte_is_refused():
    with pytest.raises(ik.ArgumentError) as caught:
        ik.Graph.from_file(KARATE + "\x00x")
    assert caught.value.parameter == "path"
    assert "NUL byte" in str(caught.value)


def test_a_node_file_or_ap_file_with_a_nul_byte_is_refused():
    with pytest.raises(ik.ArgumentError) as caught:
        ik.Graph.from_file(KARATE, node_file=KARATE + "\x00x")
    assert caught.value.parameter == "node_file"
    graph = ik.Graph.from_file(KARATE, undirected=True)
    with pytest.raises(ik.ArgumentError) as caught:
        graph.cim(1, ap_file=KARATE_APS + "\x00x")
    assert caught.value.parameter == "ap_file"


def test_nfc_and_nfd_labels_are_two_nodes():
    nfc = unicodedata.normalize("NFC", "café")
    nfd = unicodedata.normalize("NFD", "café")
    assert nfc != nfd
    graph = ik.Graph.from_edges([nfc, nfd], ["x", "x"])
    assert graph.nodes == 3
    assert graph.labels() == [nfc, "x", nfd]
    dense = ik.Graph.from_edges([0, 1], [2, 2], labels=[nfc, nfd, "x"])
    assert dense.nodes == 3 and dense.labels() == [nfc, nfd, "x"]
