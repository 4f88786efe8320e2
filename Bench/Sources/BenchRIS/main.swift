// RIS benchmarks. Subcommands print CSV rows (Bench/README.md) on stdout, details on stderr.
//
//   BenchRIS sampling GRAPH [--model ic|lt] [--sets N] [--threads T]
//       RR-set throughput of plain and subset sampling, and greedy on the pool.
//   BenchRIS spread GRAPH SEEDS.json [--model ic|lt] [--runs R] [--seed S] [--threads T] [--case NAME]
//       Monte Carlo spread of the seeds in an `infmax seeds` report (our simulator).
import Foundation
import BenchSupport
import InfluenceKit
#if canImport(Glibc)
import Glibc
#endif

func fail(_ message: String) -> Never {
    StandardError.write("BenchRIS: \(message)\n")
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
/// CPU seconds of the process so far (all threads).

@MainActor func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    let value = arguments[i + 1]
    arguments.removeSubrange(i...(i + 1))
    return value
}
guard let command = arguments.first else { fail("usage: BenchRIS sampling|spread ...") }
arguments.removeFirst()
let modelKind = DiffusionModelKind(rawValue: option("--model") ?? "ic") ?? .ic
let threads = Int(option("--threads") ?? "") ?? Parallel.processorCount

switch command {
case "sampling":
    let sets = Int(option("--sets") ?? "") ?? 200_000
    guard let path = arguments.first else { fail("sampling needs a graph") }
    let name = path.split(separator: "/").last.map(String.init) ?? path
    do {
        let graph = try GraphLoader.load(path).graph
        let model = try modelKind.bind(to: graph)
        for method in (modelKind == .ic ? [RRSamplingMethod.plain, .subset] : [.subset]) {
            let sampler = try RRSetSampler(model: model, method: method)
            var best = Double.infinity, bestCPU = Double.infinity
            var pool = RRSetCollection(nodeCount: graph.nodeCount)
            for _ in 0..<5 {
                var clock = Stopwatch()
                let cpu = cpuSeconds()
                pool = sampler.sample(sets, seed: 1, poolID: 1, workers: threads)
                best = min(best, clock.lap())
                bestCPU = min(bestCPU, cpuSeconds() - cpu)
            }
            var clock = Stopwatch()
            let index = pool.makeInvertedIndex()
            let indexSeconds = clock.lap()
            let greedy = try MaxCoverage.select(50, from: pool, index: index)
            let greedySeconds = clock.lap()
            let label = modelKind == .ic ? method.rawValue : "walk"
            print("sampling,\(name) \(modelKind.rawValue) \(label) t\(threads),sets_per_second,\(Int(Double(pool.count) / best)),,,sets/s,1")
            print("sampling,\(name) \(modelKind.rawValue) \(label) t\(threads),members_per_second,\(Int(Double(pool.memberCount) / best)),,,members/s,1")
            StandardError.write("\(name) \(modelKind.rawValue) \(label): \(pool.count) sets, mean size \(pool.meanSetSize), wall \(best) s, cpu \(bestCPU) s (\(Int(Double(pool.count) / bestCPU / 1000))k sets per cpu-second); index \(indexSeconds) s, greedy k=50 \(greedySeconds) s, coverage \(greedy.coverage)\n")
        }
    } catch {
        fail("\(error)")
    }
case "curve":
    // Spread of greedy seeds (k = 50) against the selection pool size, on 2^20 independent sets.
    guard let path = arguments.first else { fail("curve needs a graph") }
    do {
        let graph = try GraphLoader.load(path).graph
        let sampler = try RRSetSampler(model: try modelKind.bind(to: graph))
        var theta = 1 << 12
        while theta <= (1 << 21) {
            for seed in [UInt64(1), 2, 3] {
                let pool = sampler.sample(theta, seed: seed, poolID: 1, workers: threads)
                let greedy = try MaxCoverage.select(50, from: pool)
                let interval = try SpreadInterval.estimate(seeds: greedy.seeds, sampler: sampler, sets: 1 << 21, seed: 99, workers: threads)
                StandardError.write("theta \(theta) seed \(seed): spread \(interval.estimate) ± \(interval.standardError)\n")
            }
            theta *= 4
        }
    } catch {
        fail("\(error)")
    }
case "spread":
    guard arguments.count >= 2 else { fail("spread needs a graph and a seeds report") }
    let runs = Int(option("--runs") ?? "") ?? 10_000
    let seed = UInt64(option("--seed") ?? "") ?? 1
    let name = option("--case") ?? arguments[0]
    do {
        let graph = try GraphLoader.load(arguments[0]).graph
        let data = try Data(contentsOf: URL(fileURLWithPath: arguments[1]))
        let report = try JSONDecoder().decode(SeedsRecord.self, from: data)
        let index = graph.labels.makeIndex()
        let seeds = try report.seeds.map { entry -> Int in
            guard let node = index.node(for: entry.label) else { throw InfluenceError(.data, "unknown label \(entry.label)") }
            return node
        }
        let estimate = try MonteCarloSimulator(model: try modelKind.bind(to: graph),
                                               configuration: .init(runs: runs, seed: seed, threads: threads)).estimate(seeds: seeds)
        print("ris,\(name),mc_spread,\(estimate.mean),,,nodes,1")
        print("ris,\(name),mc_spread_standard_error,\(estimate.standardError),,,nodes,0")
        StandardError.write("\(name): \(seeds.count) seeds, Monte Carlo spread \(estimate.mean) ± \(estimate.standardError) (\(runs) runs, seed \(seed))\n")
    } catch {
        fail("\(error)")
    }
default:
    fail("unknown subcommand \(command)")
}
