import Testing
@_spi(Kernels) @testable import InfluenceKit

@Suite struct ComparisonTests {
    static func demo() throws -> LoadedGraph {
        try GraphLoader.load(CLIRoot.path("Graphs/karate.txt"), options: GraphLoadOptions(undirected: true))
    }

    /// Every row's spread is the shared simulator's estimate of its seeds (same seed, same worlds),
    /// and prefix methods give prefixes.
    @Test func rowsAreTheSharedSimulatorsEstimates() throws {
        let loaded = try Self.demo()
        let graph = loaded.graph
        let evaluation = MonteCarloSimulator.Configuration(runs: 1500, seed: 12, threads: 2)
        let model = try bind(graph, .ic)
        let selectors: [any SeedSelector] = [
            DegreeHeuristic(graph: graph), DegreeDiscount(model: model), PageRankHeuristic(loaded: loaded),
            RandomSeeds(graph: graph, seed: Comparison.selectionSeed(for: 12)),
            try RISSelector(model: model, algorithm: .opimC, seed: 3, workers: 2),
        ]
        let rows = try Comparison(model: bind(graph, .ic), evaluation: evaluation).run(selectors, ks: [4, 1, 2, 4])
        #expect(rows.count == 5 * 3)
        #expect(rows.map(\.k) == Array(repeating: [1, 2, 4], count: 5).flatMap { $0 })
        let simulator = try MonteCarloSimulator(model: model, configuration: evaluation)
        for row in rows {
            #expect(row.seeds.count == row.k && Set(row.seeds).count == row.k)
            #expect(try row.spread == simulator.estimate(seeds: row.seeds), "\(row.algorithm) k = \(row.k)")
        }
        for name in ["degree", "degree-discount", "pagerank", "random"] {
            let byK = rows.filter { $0.algorithm == name }
            #expect(Array(byK[2].seeds.prefix(2)) == byK[1].seeds, "\(name)")
            #expect(Array(byK[2].seeds.prefix(1)) == byK[0].seeds, "\(name)")
        }
        // Each selector's rows are what it selects alone (the comparison adds nothing).
        #expect(rows.first { $0.algorithm == "degree" && $0.k == 4 }?.seeds == (try DegreeHeuristic(graph: graph).select(k: 4).seeds))
        #expect(rows.first { $0.algorithm == "opim-c" && $0.k == 2 }?.seeds
                    == (try RISSelector(model: model, algorithm: .opimC, seed: 3, workers: 1).select(k: 2).seeds))
        // Random seeds lose to degree at every k on karate (large gaps).
        for k in [1, 2, 4] {
            let degree = rows.first { $0.algorithm == "degree" && $0.k == k }!
            let random = rows.first { $0.algorithm == "random" && $0.k == k }!
            #expect(degree.spread.confidenceLow > random.spread.confidenceHigh, "k = \(k)")
        }
    }

    @Test func sameSeedSameNumbers() throws {
        let loaded = try Self.demo()
        func once(threads: Int) throws -> [Comparison.Row] {
            let model = try bind(loaded.graph, .lt)
            let selectors: [any SeedSelector] = [
                RandomSeeds(graph: loaded.graph, seed: 9), try CELF(model: model, configuration: .init(runs: 200, seed: 9, threads: threads)),
                try RISSelector(model: model, algorithm: .imm, seed: 9, workers: threads),
            ]
            return try Comparison(model: model, evaluation: .init(runs: 640, seed: 4, threads: threads))
                .run(selectors, ks: [1, 3])
        }
        let a = try once(threads: 1), b = try once(threads: 2)
        #expect(a.map(\.seeds) == b.map(\.seeds))
        #expect(a.map(\.spread) == b.map(\.spread))
    }

    @Test func rejectsBadSizesAndRepeatedNames() throws {
        let graph = try Self.demo().graph
        let comparison = try Comparison(model: bind(graph, .ic), evaluation: .init(runs: 10, seed: 1, threads: 1))
        for ks in [[], [1, 35], [0]] {
            let e = try #require(throws: InfluenceError.self) { try comparison.run([DegreeHeuristic(graph: graph)], ks: ks) }
            #expect(e.kind == .usage && e.parameter == "k", "\(ks)")
        }
        let twice = try #require(throws: InfluenceError.self) {
            try comparison.run([DegreeHeuristic(graph: graph), DegreeHeuristic(graph: graph)], ks: [1])
        }
        #expect(twice.parameter == "algorithms")
        #expect(try Comparison.validatedKs([4, 1, 4, 2], nodeCount: 34) == [1, 2, 4])
        do {
            _ = try Comparison.validatedKs([0], nodeCount: 34)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("expected 1 ≤ k ≤ 34"))
        }
    }

    @Test func recordLabelsSeedsAndWritesCSV() throws {
        let graph = try graphFrom("a b\nb c\nc a\nd a\n", name: "labels.txt")
        let model = try bind(graph, .ic)
        let rows = try Comparison(model: model, evaluation: .init(runs: 64, seed: 1, threads: 1))
            .run([DegreeHeuristic(graph: graph)], ks: [2])
        let request = CompareRequest(ks: [2], algorithms: [.degree], runs: 64, seed: 1, threads: 1)
        let report = try request.run(on: GraphInput(graph, name: "dir/labels,1.txt"))
        #expect(report.rows[0].seeds.map(\.label) == rows[0].seeds.map { graph.label(of: $0) })
        #expect(report.rows[0].monteCarlo == rows[0].spread, "the same evaluation as the engine's")
        #expect(report.model == BoundModel(name: "ic", scheme: "wc") && report.selectionSeed == Comparison.selectionSeed(for: 1))
        #expect(report.algorithms == ["degree"])
        #expect(report.ks == [2])
        let csv = report.csv().split(separator: "\n")
        #expect(csv[0] == "algorithm,k,spread,ci_low,ci_high,standard_error,runs,selection_seconds,seeds")
        #expect(csv[1].hasPrefix("degree,2,"))
        #expect(csv[1].hasSuffix(",\(report.rows[0].seeds.map(\.label).joined(separator: " "))"))
        #expect(ComparisonRecord.csvField("x,\"y\"") == "\"x,\"\"y\"\"\"")
        #expect(report.plot().title.contains("labels,1.txt"))
    }

    /// The record reruns from its JSON alone to the same rows, bit for bit (timings aside).
    @Test func recordRerunsItsRequest() throws {
        let graph = try graphFrom("a b\nb c\nc a\nd a\nd e\ne b\n", name: "rerun.txt")
        let request = CompareRequest(ks: [1, 2], algorithms: [.opimC, .degree, .random], runs: 500, epsilon: 0.3, seed: 4, threads: 2)
        let input = GraphInput(graph, name: "rerun")
        let report = try request.run(on: input)
        try expectValidRecord(report)
        let document = try RunDocument.decode(Array(try ReportJSON.text(report).utf8))
        #expect(document.request == .compare(request))
        let again = try #require(try document.request.run(on: input) as? ComparisonRecord)
        func untimed(_ rows: [ComparisonRecord.Row]) -> [ComparisonRecord.Row] { rows.map { var r = $0; r.selectionSeconds = 0; return r } }
        #expect(untimed(again.rows) == untimed(report.rows) && again.graph == report.graph)
    }
}
