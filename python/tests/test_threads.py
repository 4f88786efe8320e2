"""Requirement: a pool of 2 threads calling seeds concurrently gives the serial answers, and the
GIL is released while the engine runs."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import influencekit as ik
from conftest import KARATE, NETHEPT, ROOT, computed
import os


def graph_for_threads():
    if os.path.isfile(NETHEPT):
        return ik.Graph.from_file(NETHEPT), 10
    return ik.Graph.from_file(KARATE, undirected=True), 3


def test_two_threads_calling_seeds_agree_with_serial_calls():
    graph, k = graph_for_threads()
    jobs = [dict(k=k, seed=1, model="ic", threads=1), dict(k=k, seed=2, model="lt", threads=1)]
    serial = [computed(graph.seeds(**job).record) for job in jobs]
    with ThreadPoolExecutor(max_workers=2) as pool:
        concurrent = list(pool.map(lambda job: computed(graph.seeds(**job).record), jobs + jobs))
    assert concurrent == serial + serial
    # Different jobs give different records, so agreement is not vacuous.
    assert serial[0] != serial[1]


def test_the_gil_is_released_during_a_run():
    graph, k = graph_for_threads()
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(time.monotonic())
            time.sleep(0.001)

    thread = threading.Thread(target=ticker)
    thread.start()
    try:
        time.sleep(0.01)
        start = time.monotonic()
        graph.seeds(k, seed=3, threads=2, precision=0.002)
        end = time.monotonic()
    finally:
        stop.set()
        thread.join()
    inside = [t for t in ticks if start < t < end]
    # A call holding the GIL would let no tick happen while it runs.
    assert len(inside) >= 2, f"{len(inside)} ticks during a {end - start:.3f} s call"


def test_the_thread_count_does_not_change_the_answer():
    graph, k = graph_for_threads()
    one, two = computed(graph.seeds(k, seed=5, threads=1).record), computed(graph.seeds(k, seed=5, threads=2).record)
    assert one["request"].pop("threads") == 1 and two["request"].pop("threads") == 2
    assert one == two
    seeds = [entry["label"] for entry in one["seeds"]]
    a = graph.simulate(seeds, runs=3000, seed=5, threads=1)
    b = graph.simulate(seeds, runs=3000, seed=5, threads=2)
    assert a.spread == b.spread


def test_mixed_use_cases_on_one_graph_from_threads_agree_with_serial_calls():
    graph = ik.Graph.from_file(KARATE, undirected=True)
    invite = ik.InviteGraph.from_files(os.path.join(ROOT, "Graphs", "invite", "invitations.tsv"),
                                       os.path.join(ROOT, "Graphs", "invite", "acceptance.tsv"),
                                       inviters=os.path.join(ROOT, "Graphs", "invite", "inviter-list.txt"))
    jobs = [lambda: graph.simulate(["0", "33"], runs=4000, seed=1, threads=1),
            lambda: graph.cim(1, active_participants=["0", "33"], seed=2, threads=1),
            lambda: graph.embed(method="grace", dimensions=4, epochs=3, seed=3, threads=1),
            lambda: invite.recommend(3, seed=4, threads=1)]
    serial = [computed(job().record) for job in jobs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        concurrent = list(pool.map(lambda job: computed(job().record), jobs + jobs))
    assert concurrent == serial + serial
