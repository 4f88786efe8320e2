// Monte Carlo throughput: IC with weighted-cascade probabilities from the top out-degree seeds,
// on one thread and on all threads. Prints `key=value` lines on stdout (bench-simulate.sh turns
// them into CSV rows beside the peer's numbers) and writes the seed labels for the peer.
//
// usage: BenchSimulate GRAPH [--seeds K] [--runs R] [--seed S] [--repeat N] [--model ic|lt] [--threads 1,T]
//                      [--seeds-out FILE]
import BenchSupport
import InfluenceKit
#if canImport(Glibc)
import Glibc
#endif


/// Process CPU time (all threads, user + system), in seconds.

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String, _ fallback: String) -> String {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return fallback }
    let value = arguments[i + 1]
    arguments.removeSubrange(i...(i + 1))
    return value
}
let seedCount = Int(option("--seeds", "50"))!
let runs = Int(option("--runs", "10000"))!
let randomSeed = UInt64(option("--seed", "1"))!
let repeats = Int(option("--repeat", "3"))!
let modelKind = DiffusionModelKind(rawValue: option("--model", "ic"))!
let seedsOut = option("--seeds-out", "")
let threadCounts = option("--threads", "1,\(Parallel.processorCount)").split(separator: ",").compactMap { Int($0) }
guard arguments.count == 1 else {
    StandardError.write("usage: BenchSimulate GRAPH [--seeds K] [--runs R] [--seed S] [--repeat N] [--model ic|lt] [--threads 1,T] [--seeds-out FILE]\n")
    exit(2)
}
let path = arguments[0]

do {
    let graph = try GraphLoader.load(path).graph
    // Highest out-degree first, ties by smaller label (dense ids follow label order).
    let seeds = Array((0..<graph.nodeCount).sorted {
        graph.outDegree($0) != graph.outDegree($1) ? graph.outDegree($0) > graph.outDegree($1) : $0 < $1
    }.prefix(seedCount))
    let labels = seeds.map { graph.label(of: $0) }
    if !seedsOut.isEmpty { try AtomicFile.write(labels.joined(separator: "\n") + "\n", to: seedsOut) }
    StandardError.write("\(path): \(graph.nodeCount) nodes, \(graph.arcCount) arcs; \(modelKind.rawValue), \(seedCount) seeds, \(runs) runs\n")
    print("nodes=\(graph.nodeCount)")
    print("arcs=\(graph.arcCount)")
    for threads in Array(Set(threadCounts)).sorted() {
        let simulator = try MonteCarloSimulator(model: try modelKind.bind(to: graph),
                                                configuration: .init(runs: runs, seed: randomSeed, threads: threads))
        var best = Double.infinity
        var bestCPU = Double.infinity
        var tally = MonteCarloTally()
        // Warm-up (page faults, thread pool), then the best of `repeats`.
        var warm = MonteCarloTally()
        try simulator.simulate(seeds: seeds, runs: 0..<min(runs, 256), into: &warm)
        for _ in 0..<repeats {
            var t = MonteCarloTally()
            let cpuStart = cpuSeconds()
            best = min(best, try seconds { try simulator.simulate(seeds: seeds, runs: 0..<runs, into: &t) })
            bestCPU = min(bestCPU, cpuSeconds() - cpuStart)
            tally = t
        }
        let estimate = tally.estimate
        print("threads_\(threads)_seconds=\(best)")
        print("threads_\(threads)_simulations_per_second=\(Double(runs) / best)")
        print("threads_\(threads)_arcs_per_second=\(Double(tally.arcsExamined) / best)")
        print("threads_\(threads)_cpu_seconds=\(bestCPU)")
        print("threads_\(threads)_simulations_per_cpu_second=\(Double(runs) / bestCPU)")
        print("threads_\(threads)_mean=\(estimate.mean)")
        print("threads_\(threads)_standard_error=\(estimate.standardError)")
        print("threads_\(threads)_arcs_per_run=\(Double(tally.arcsExamined) / Double(runs))")
        StandardError.write("  \(threads) thread(s): \(best) s (CPU \(bestCPU) s), \(Int(Double(runs) / best)) simulations/s, \(Int(Double(tally.arcsExamined) / best / 1e6))M arcs/s, spread \(estimate.mean) ± \(estimate.halfWidth)\n")
    }
    print("threads_all=\(Parallel.processorCount)")
} catch {
    StandardError.write("error: \(error)\n")
    exit(1)
}
