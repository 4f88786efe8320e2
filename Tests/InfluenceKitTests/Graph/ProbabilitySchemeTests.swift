import Testing
@_spi(Kernels) @testable import InfluenceKit

/// Hand-checked graph: arcs 0→2, 1→2, 3→2, 2→3, 0→1 (in-degrees: 1:1, 2:3, 3:1). The graph holds
/// only the raw third column; each model computes and validates its own parameters when bound.
@Suite struct ProbabilitySchemeTests {
    static let text = "0 2 0.1\n1 2 0.2\n3 2 0.3\n2 3 0.9\n0 1 0.4\n"

    func load(_ text: String = text, values: Bool = true, dedupe: Bool = false) throws -> InfluenceGraph {
        try graphFrom(text, values: values, dedupe: dedupe, name: "schemes.txt")
    }

    /// The forward arc u→v (the first, if parallel).
    func arc(_ g: InfluenceGraph, _ u: Int, _ v: Int) -> Int {
        (g.outOffsets[u]..<g.outOffsets[u + 1]).first { g.outTargets[$0] == UInt32(v) }!
    }

    func ic(_ g: InfluenceGraph, _ scheme: ProbabilityScheme) throws -> IndependentCascade {
        try IndependentCascade(graph: g, probabilities: scheme)
    }

    @Test func weightedCascadeIsOneOverInDegree() throws {
        let g = try load(values: false)
        #expect(g.arcValues == nil)
        let model = try ic(g, .weightedCascade)
        #expect(model.probabilities[arc(g, 0, 2)] == 1.0 / 3)
        #expect(model.probabilities[arc(g, 1, 2)] == 1.0 / 3)
        #expect(model.probabilities[arc(g, 2, 3)] == 1)
        #expect(model.probabilities[arc(g, 0, 1)] == 1)
        let lt = try LinearThreshold(graph: g)
        #expect(lt.weights[arc(g, 3, 2)] == 1.0 / 3)
        #expect(lt.scheme == "1/indeg" && model.scheme == "wc")
    }

    @Test func uniform() throws {
        let g = try load()
        let model = try ic(g, .uniform(0.05))
        #expect(model.probabilities.allSatisfy { $0 == 0.05 })
        #expect(model.inProbabilities.allSatisfy { $0 == 0.05 })
        #expect(model.probabilities.count == g.arcCount)
    }

    @Test func trivalencyDrawsFromThreeValuesReproducibly() throws {
        let g = try load()
        let a = try ic(g, .trivalency(seed: 5))
        let b = try ic(g, .trivalency(seed: 5))
        #expect(a.probabilities == b.probabilities)
        #expect(a.probabilities.allSatisfy { [0.1, 0.01, 0.001].contains($0) })
        // Many arcs: all three values appear, and another seed gives another assignment.
        var big = ""
        for i in 0..<300 { big += "\(i) \(i + 1)\n" }
        let chain = try load(big, values: false)
        let d = try ic(chain, .trivalency(seed: 5))
        let e = try ic(chain, .trivalency(seed: 6))
        #expect(Set(d.probabilities) == [0.1, 0.01, 0.001])
        #expect(d.probabilities != e.probabilities)
        // Each value about a third of the time (300 arcs: 100 ± 8.2 each; 5 standard deviations).
        for value in [Float(0.1), 0.01, 0.001] {
            let count = d.probabilities.filter { $0 == value }.count
            #expect(abs(count - 100) < 41, "\(value): \(count) of 300")
        }
    }

    @Test func fileColumnGivesProbabilitiesAndLTWeights() throws {
        let g = try load()
        #expect(g.arcValues != nil)
        let model = try ic(g, .file)
        #expect(model.probabilities[arc(g, 0, 2)] == 0.1)
        #expect(model.probabilities[arc(g, 3, 2)] == 0.3)
        #expect(model.probabilities[arc(g, 2, 3)] == 0.9)
        let lt = try LinearThreshold(graph: g, weights: .file(rescale: false))
        #expect(lt.weights[arc(g, 1, 2)] == 0.2)
        // Reverse CSR carries the same values: in-arcs of node 2 are from 0, 1, 3.
        let row = g.inOffsets[2]..<g.inOffsets[3]
        #expect(row.map { g.inSources[$0] } == [0, 1, 3])
        #expect(row.map { model.inProbabilities[$0] } == [0.1, 0.2, 0.3])
        #expect(row.map { lt.inWeights[$0] } == [0.1, 0.2, 0.3])
        #expect(row.map { g.inArcs[$0] } == [arc(g, 0, 2), arc(g, 1, 2), arc(g, 3, 2)])
    }

    /// The redesign moved the LT constraint from the loader to the LT model: a file whose
    /// in-values sum above 1 loads, binds under IC (any in-probability sums are valid), and only
    /// binding LT with file weights fails, naming the node and its sum — or rescales.
    @Test func inValuesAboveOneLoadBindUnderICAndFailOnlyUnderLTFileWeights() throws {
        let g = try load("a c 0.7\nb c 0.6\n")
        #expect(g.arcValues == [0.7, 0.6])
        let model = try ic(g, .file)
        #expect(model.probabilities == [0.7, 0.6], "IC probabilities are not rescaled")
        // a = 0, c = 1, b = 2: seeds a and b activate c unless both coins fail.
        #expect(abs(try ExactSpread.spread(of: [0, 2], under: model) - (2 + (1 - 0.3 * 0.4))) < 1e-6)
        let error = try #require(throws: InfluenceError.self) { try LinearThreshold(graph: g, weights: .file(rescale: false)) }
        #expect(error == InfluenceError(.data, parameter: "normalizeLT",
            "node 'c' has LT in-weights summing to 1.3 (expected at most 1, or rescaled to sum to 1)"))
        // The factory forwards the same error.
        #expect(throws: error) { try DiffusionModelKind.lt.bind(to: g, probabilities: .file) }
        let rescaled = try LinearThreshold(graph: g, weights: .file(rescale: true))
        #expect(abs(rescaled.weights[0] - 0.7 / 1.3) < 1e-6)
        #expect(abs(rescaled.weights[1] - 0.6 / 1.3) < 1e-6)
        #expect(rescaled.scheme == "file (rescaled)")
        // 1/indeg ignores the file's values and is valid.
        #expect(try LinearThreshold(graph: g).weights == [0.5, 0.5])
    }

    /// Rescaling touches only nodes whose in-weights sum above 1; a sum within the Float tolerance
    /// (10⁻⁵) of 1 binds as it is when rescaling is off.
    @Test func rescalingLeavesValidNodesAlone() throws {
        let g = try load("a c 0.7\nb c 0.6\na d 0.25\nb d 0.5\n")
        let lt = try LinearThreshold(graph: g, weights: .file(rescale: true))
        let index = g.labels.makeIndex()
        func w(_ u: String, _ v: String) -> Float { lt.weights[arc(g, index.node(for: u)!, index.node(for: v)!)] }
        #expect(w("a", "d") == 0.25 && w("b", "d") == 0.5)
        #expect(abs(w("a", "c") + w("b", "c") - 1) < 1e-6)
        let e = try #require(throws: InfluenceError.self) { try LinearThreshold(graph: g, weights: .file(rescale: false)) }
        #expect(e.message.hasPrefix("node 'c' has LT in-weights summing to 1.3 "))
        // 1.000004 is within the tolerance.
        let nearlyOne = try load("a e 0.5\nb e 0.5\nc e 0.000004\n")
        #expect(try LinearThreshold(graph: nearlyOne, weights: .file(rescale: false)).weights == nearlyOne.arcValues)
        // 1.00002 is not.
        let above = try load("a e 0.5\nb e 0.5\nc e 0.00002\n")
        #expect(throws: InfluenceError.self) { try LinearThreshold(graph: above, weights: .file(rescale: false)) }
    }

    /// The factory's rules: LT takes wc (1/indeg) or file weights only; rescaling is an LT option.
    @Test func factoryRejectsCombinationsThatDoNotApply() throws {
        let g = try load()
        for scheme in [ProbabilityScheme.uniform(0.1), .trivalency(seed: 3)] {
            let e = try #require(throws: InfluenceError.self) { try DiffusionModelKind.lt.bind(to: g, probabilities: scheme) }
            #expect(e.kind == .usage && e.parameter == "probabilities", "\(e)")
        }
        for scheme in [ProbabilityScheme.weightedCascade, .file, .uniform(0.2)] {
            let e = try #require(throws: InfluenceError.self) { try DiffusionModelKind.ic.bind(to: g, probabilities: scheme, normalizeLT: true) }
            #expect(e.kind == .usage && e.parameter == "normalizeLT", "\(e)")
        }
        let wc = try #require(throws: InfluenceError.self) { try DiffusionModelKind.lt.bind(to: g, probabilities: .weightedCascade, normalizeLT: true) }
        #expect(wc.kind == .usage && wc.parameter == "normalizeLT")
        // What does apply binds to the right model and scheme.
        #expect(try DiffusionModelKind.lt.bind(to: g, probabilities: .file, normalizeLT: true).scheme == "file (rescaled)")
        #expect(try DiffusionModelKind.lt.bind(to: g).scheme == "1/indeg")
        #expect(try DiffusionModelKind.ic.bind(to: g, probabilities: .uniform(0.2)).name == "ic")
        let spec = ModelSpecification(model: .lt, probabilities: .file, normalizeLT: false)
        #expect(try spec.bind(to: g).name == "lt")
    }

    @Test func fileSchemeNeedsArcValues() throws {
        let g = try load(values: false)
        let icError = try #require(throws: InfluenceError.self) { try IndependentCascade(graph: g, probabilities: .file) }
        #expect(icError.kind == .usage && icError.parameter == "probabilities")
        let ltError = try #require(throws: InfluenceError.self) { try LinearThreshold(graph: g, weights: .file(rescale: true)) }
        #expect(ltError.kind == .usage && ltError.parameter == "probabilities")
    }

    @Test func schemeParsing() throws {
        #expect(try ProbabilityScheme.parse("wc", seed: 1) == .weightedCascade)
        #expect(try ProbabilityScheme.parse("uniform:0.01", seed: 1) == .uniform(0.01))
        #expect(try ProbabilityScheme.parse("trivalency", seed: 9) == .trivalency(seed: 9))
        #expect(try ProbabilityScheme.parse("trivalency:7", seed: 9) == .trivalency(seed: 7))
        #expect(ProbabilityScheme.trivalency(seed: 7).recorded == "trivalency:7")
        #expect(ProbabilityScheme.uniform(0.25).recorded == "uniform:0.25")
        #expect(try ProbabilityScheme.parse("file", seed: 1) == .file)
        for bad in ["uniform:1.5", "uniform:x", "random", "trivalency:-3", "trivalency:x"] {
            let e = try #require(throws: InfluenceError.self) { try ProbabilityScheme.parse(bad, seed: 1) }
            #expect(e.kind == .usage && e.parameter == "probabilities")
        }
    }

    @Test func readingValuesNeedsAThirdColumn() throws {
        let path = writeTemporary("two-cols.txt", "0 1\n1 2\n")
        defer { removeTemporary(path) }
        #expect(throws: InfluenceError(.data, file: path, line: 1, parameter: "probabilities",
                                       "line has no probability (expected 'u v p' when arc values are read)")) {
            try GraphLoader.load(path, options: GraphLoadOptions(readArcValues: true))
        }
        // Without readArcValues a third column is ignored.
        let ignored = try load(values: false)
        #expect(ignored.arcValues == nil && ignored.arcCount == 5)
    }
}
