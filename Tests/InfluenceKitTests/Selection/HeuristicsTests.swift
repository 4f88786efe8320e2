import Testing
@_spi(Kernels) @testable import InfluenceKit

/// Dense ids of the given labels (the tests name nodes by their labels in the edge list).
private func ids(_ labels: [String], in graph: InfluenceGraph) -> [Int] {
    let index = graph.labels.makeIndex()
    return labels.map { index.node(for: $0)! }
}

private func labels(_ seeds: [Int], in graph: InfluenceGraph) -> [String] {
    seeds.map { graph.label(of: $0) }
}

/// Undirected: 0 is a hub of {1, 2, 3, 4}, 1–2 a triangle edge, 5 a hub of {4, 6, 7}.
private let twoHubs = "0 1\n0 2\n0 3\n0 4\n1 2\n4 5\n5 6\n5 7\n"

/// Directed out-star: 3 → every other node, plus a chain among the leaves.
private let outStar = "3 0\n3 1\n3 2\n3 4\n3 5\n0 1\n1 2\n"

/// IC with one probability p on every arc: the setting of the degree-discount paper.
private func uniform(_ graph: InfluenceGraph, _ p: Float = 0.1) throws -> IndependentCascade {
    try IndependentCascade(graph: graph, probabilities: .uniform(p))
}

@Suite struct HeuristicsTests {
    @Test func starCentreComesFirst() throws {
        let loaded = try loadedFrom(outStar, name: "star.txt")
        let graph = loaded.graph
        let selectors: [any SeedSelector] = [DegreeHeuristic(graph: graph), DegreeDiscount(model: try uniform(graph)),
                                             SingleDiscount(graph: graph), PageRankHeuristic(loaded: loaded)]
        for selector in selectors {
            let ranking = try selector.select(k: 1)
            #expect(labels(ranking.seeds, in: graph) == ["3"], "\(selector.name)")
        }
    }

    @Test func degreeOrderBreaksTiesBySmallerId() throws {
        let graph = try graphFrom(twoHubs, undirected: true, name: "hubs.txt")
        let seeds = try DegreeHeuristic(graph: graph).select(k: 5).seeds
        #expect(labels(seeds, in: graph) == ["0", "5", "1", "2", "4"])
    }

    /// Paper formula dd_v = d_v − 2t_v − (d_v − t_v)·t_v·p, computed by hand with p = 0.1;
    /// our score is p·dd_v.
    @Test func degreeDiscountScoresMatchHandComputedPaperFormula() throws {
        let graph = try graphFrom(twoHubs, undirected: true, name: "hubs.txt")
        let selector = DegreeDiscount(model: try uniform(graph))
        let p = Double(Float(0.1))  // the arc probability as stored (Float)
        // Before any choice: score = p·d.
        let initial = selector.scores(after: [])
        let degrees: [String: Double] = ["0": 4, "1": 2, "2": 2, "3": 1, "4": 2, "5": 3, "6": 1, "7": 1]
        for (label, d) in degrees {
            #expect(abs(initial[ids([label], in: graph)[0]] - p * d) < 1e-12, "node \(label)")
        }
        // After choosing 0: nodes 1, 2, 3, 4 have t = 1.
        let afterHub = selector.scores(after: ids(["0"], in: graph))
        let expected: [String: Double] = [
            "1": 2 - 2 - 1 * 1 * p,   // -0.1
            "2": 2 - 2 - 1 * 1 * p,   // -0.1
            "3": 1 - 2 - 0,           // -1
            "4": 2 - 2 - 1 * 1 * p,   // -0.1
            "5": 3, "6": 1, "7": 1,
        ]
        for (label, dd) in expected {
            #expect(abs(afterHub[ids([label], in: graph)[0]] - p * dd) < 1e-12, "node \(label)")
        }
        #expect(afterHub[ids(["0"], in: graph)[0]] == -.infinity)
        // After 0 and 5: t_4 = 2 (dd = 2 − 4 − 0), t_6 = t_7 = 1 (dd = 1 − 2 − 0).
        let afterBoth = selector.scores(after: ids(["0", "5"], in: graph))
        for (label, dd) in ["4": -2.0, "6": -1, "7": -1, "1": -p, "3": -1] {
            #expect(abs(afterBoth[ids([label], in: graph)[0]] - p * dd) < 1e-12, "node \(label)")
        }
        // Selection: 0 (d 4), 5 (3), then 1 and 2 tie at −0.1 (smaller id), then 3 (−1) beats 2 (−2).
        let seeds = try selector.select(k: 4).seeds
        #expect(labels(seeds, in: graph) == ["0", "5", "1", "3"])
    }

    /// Arc probabilities from the file; every figure below is worked by hand.
    @Test func degreeDiscountUsesEachArcsProbability() throws {
        let graph = try graphFrom("0 1 0.5\n0 2 0.2\n1 2 0.4\n2 3 0.3\n3 0 0.1\n", values: true, name: "dd-file.txt")
        let selector = DegreeDiscount(model: try IndependentCascade(graph: graph, probabilities: .file))
        let initial = selector.scores(after: [])
        for (label, b) in ["0": 0.7, "1": 0.4, "2": 0.3, "3": 0.1] {
            #expect(abs(initial[ids([label], in: graph)[0]] - b) < 1e-6, "node \(label)")
        }
        // After 0: a_1 = 0.5, a_2 = 0.2, b_3 = 0 (its only out-arc goes to the seed).
        let after = selector.scores(after: ids(["0"], in: graph))
        for (label, s) in ["1": 0.5 * 1.4 - 1, "2": 0.8 * 1.3 - 1, "3": 0.0] {
            #expect(abs(after[ids([label], in: graph)[0]] - s) < 1e-6, "node \(label)")
        }
        let seeds = try selector.select(k: 4).seeds
        #expect(labels(seeds, in: graph) == ["0", "2", "3", "1"])
    }

    /// Under LT the arc's value is its LT weight (here rescaled: the in-weights of 3 summed to 2).
    @Test func degreeDiscountUsesLTWeightsForLT() throws {
        let graph = try tinyGraph(4, [(0, 3, 0.8), (1, 3, 0.7), (2, 3, 0.5), (0, 1, 0.6)])
        let ic = DegreeDiscount(model: try bind(graph, .ic)).scores(after: [])
        let lt = DegreeDiscount(model: try bind(graph, .lt)).scores(after: [])
        #expect(abs(ic[0] - 1.4) < 1e-6 && abs(ic[1] - 0.7) < 1e-6)
        #expect(abs(lt[0] - 1.0) < 1e-6 && abs(lt[1] - 0.35) < 1e-6)
        // After 0 under LT: a_1 = 0.6, a_3 = 0.4; score(1) = 0.4·1.35 − 1, score(2) = 0.25.
        let after = DegreeDiscount(model: try bind(graph, .lt)).scores(after: [0])
        #expect(abs(after[1] - (0.4 * 1.35 - 1)) < 1e-6)
        #expect(abs(after[2] - 0.25) < 1e-6)
    }

    /// The selection is the argmax of freshly computed scores at every step, on a random graph.
    @Test func degreeDiscountSelectionFollowsItsScores() throws {
        let loaded = try GraphLoader.load(CLIRoot.path("Graphs/demo.txt"))
        let selector = DegreeDiscount(model: try bind(loaded.graph, .ic))
        let seeds = try selector.select(k: 8).seeds
        for step in 0..<seeds.count {
            let scores = selector.scores(after: Array(seeds.prefix(step)))
            let best = scores.max()!
            #expect(abs(scores[seeds[step]] - best) <= 1e-9 * max(1, abs(best)), "step \(step)")
        }
    }

    @Test func singleDiscountHandComputed() throws {
        let graph = try graphFrom(twoHubs, undirected: true, name: "hubs.txt")
        // 0 (4); discount 1–4 → 1:1 2:1 3:0 4:1; 5 (3); discount 4, 6, 7 → 0; 1 (1); discount 2 → 0;
        // then all zero: smallest id 2.
        let seeds = try SingleDiscount(graph: graph).select(k: 4).seeds
        #expect(labels(seeds, in: graph) == ["0", "5", "1", "2"])
    }

    @Test func randomSeedsAreReproducibleDistinctAndNested() throws {
        let graph = try graphFrom(twoHubs, undirected: true, name: "hubs.txt")
        let a = try RandomSeeds(graph: graph, seed: 42).select(k: 8).seeds
        let b = try RandomSeeds(graph: graph, seed: 42).select(k: 8).seeds
        let prefix = try RandomSeeds(graph: graph, seed: 42).select(k: 3).seeds
        #expect(a == b)
        #expect(Set(a).count == 8)
        #expect(Array(a.prefix(3)) == prefix)
        // Over 40 seeds the first choice must not be constant.
        let firsts = Set(try (0..<40).map { try RandomSeeds(graph: graph, seed: UInt64($0)).select(k: 1).seeds[0] })
        #expect(firsts.count > 1)
    }

    @Test func prefixesAreNestedForRankings() throws {
        let loaded = try GraphLoader.load(CLIRoot.path("Graphs/demo.txt"))
        let graph = loaded.graph
        let selectors: [any SeedSelector] = [DegreeHeuristic(graph: graph), DegreeDiscount(model: try bind(graph, .ic)),
                                             SingleDiscount(graph: graph), PageRankHeuristic(loaded: loaded),
                                             RandomSeeds(graph: graph, seed: 3)]
        for selector in selectors {
            #expect(selector.nestedPrefixes)
            let long = try selector.select(k: 20).seeds
            let short = try selector.select(k: 7).seeds
            #expect(Array(long.prefix(7)) == short, "\(selector.name)")
            #expect(Set(long).count == 20, "\(selector.name)")
            // Time to each choice: one entry per seed; a prefix reports the time of its last choice.
            let ranking = try selector.select(k: 20)
            #expect(ranking.elapsed.count == 20, "\(selector.name)")
            #expect(ranking.prefix(7).seconds == ranking.elapsed[6])
            #expect(ranking.prefix(7).seeds == short && ranking.prefix(7).elapsed == Array(ranking.elapsed.prefix(7)))
        }
    }

    @Test func kOutOfRangeIsAUsageError() throws {
        let graph = try graphFrom(twoHubs, undirected: true, name: "hubs.txt")
        let nine = try #require(throws: InfluenceError.self) { try DegreeHeuristic(graph: graph).select(k: 9) }
        #expect(nine.kind == .usage && nine.parameter == "k")
        let zero = try #require(throws: InfluenceError.self) { try DegreeDiscount(model: bind(graph, .ic)).select(k: 0) }
        #expect(zero.kind == .usage && zero.parameter == "k")
        do {
            _ = try RandomSeeds(graph: graph, seed: 1).select(k: 100)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .usage)
            #expect(error.message.contains("exceeds the graph's 8 nodes"))
        }
    }
}

/// PageRank on the reversed graph, checked against an independent power iteration.
@Suite struct PageRankHeuristicTests {
    /// Power iteration of PageRank on the graph with every arc reversed: rank flows from v to the
    /// nodes with an arc into v; dangling nodes (no in-arcs in the original) spread uniformly.
    static func reversedPageRank(_ graph: InfluenceGraph, damping: Double = 0.85) -> [Double] {
        let n = graph.nodeCount
        var rank = [Double](repeating: 1 / Double(n), count: n)
        for _ in 0..<10_000 {
            var next = [Double](repeating: 0, count: n)
            var dangling = 0.0
            for v in 0..<n {
                let indeg = graph.inDegree(v)
                if indeg == 0 { dangling += rank[v]; continue }
                let share = rank[v] / Double(indeg)
                for a in graph.inOffsets[v]..<graph.inOffsets[v + 1] { next[Int(graph.inSources[a])] += share }
            }
            var change = 0.0
            for u in 0..<n {
                let value = (1 - damping) / Double(n) + damping * (next[u] + dangling / Double(n))
                change += abs(value - rank[u])
                next[u] = value
            }
            rank = next
            if change < 1e-15 { break }
        }
        return rank
    }

    @Test func agreesWithPowerIterationOnKarate() throws {
        let loaded = try GraphLoader.load(CLIRoot.path("Graphs/karate.txt"), options: GraphLoadOptions(undirected: true))
        let ours = try PageRankHeuristic(loaded: loaded).scores()
        let truth = Self.reversedPageRank(loaded.graph)
        #expect(ours.count == 34)
        #expect(abs(ours.reduce(0, +) - 1) < 1e-9)
        for v in 0..<34 { #expect(abs(ours[v] - truth[v]) < 1e-9, "node \(loaded.graph.label(of: v))") }
        // Karate's two leaders, 33 and 0, rank first.
        let top = try PageRankHeuristic(loaded: loaded).select(k: 2).seeds
        #expect(Set(top.map { loaded.graph.label(of: $0) }) == ["33", "0"])
        let order = (0..<34).sorted { truth[$0] != truth[$1] ? truth[$0] > truth[$1] : $0 < $1 }
        #expect(try PageRankHeuristic(loaded: loaded).select(k: 5).seeds == Array(order.prefix(5)))
    }

    @Test func reversesDirectedArcsAndHandlesDanglingNodes() throws {
        // 0 → 1 → 2 → 3, 4 → 3, 5 isolated-ish (5 → 4): reversed rank flows towards the sources.
        let path = writeTemporary("pr-directed.txt", "0 1\n1 2\n2 3\n4 3\n5 4\n")
        defer { removeTemporary(path) }
        let loaded = try GraphLoader.load(path)
        let ours = try PageRankHeuristic(loaded: loaded).scores()
        let truth = Self.reversedPageRank(loaded.graph)
        for v in 0..<loaded.graph.nodeCount { #expect(abs(ours[v] - truth[v]) < 1e-9) }
        // On the forward graph 3 (the sink) would rank first; reversed, it ranks last.
        let three = loaded.graph.labels.makeIndex().node(for: "3")!
        #expect(ours[three] == ours.min())
    }
}

/// Repository-relative paths for bundled graphs.
enum CLIRoot {
    static func path(_ relative: String) -> String {
        let here = #filePath
        let root = here.split(separator: "/").dropLast(4).joined(separator: "/")
        return "/" + root + "/" + relative
    }
}
