import Testing
@testable import InfluenceKit

/// Hand-checked graph: arcs 0→2, 1→2, 3→2, 2→3, 0→1 (in-degrees: 1:1, 2:3, 3:1).
@Suite(.serialized) struct ProbabilitySchemeTests {
    static let text = "0 2 0.1\n1 2 0.2\n3 2 0.3\n2 3 0.9\n0 1 0.4\n"

    func load(_ scheme: ProbabilityScheme, normalizeLT: Bool = false, text: String = text) throws -> InfluenceGraph {
        let path = writeTemporary("schemes.txt", text)
        return try GraphLoader.load(path, options: GraphLoadOptions(build: GraphBuildOptions(probabilities: scheme, normalizeLT: normalizeLT))).graph
    }

    /// Probability of arc u→v.
    func p(_ g: InfluenceGraph, _ u: Int, _ v: Int) -> Float {
        let a = (g.outOffsets[u]..<g.outOffsets[u + 1]).first { g.outTargets[$0] == UInt32(v) }!
        return g.outProbabilities[a]
    }

    func w(_ g: InfluenceGraph, _ u: Int, _ v: Int) -> Float {
        let a = (g.outOffsets[u]..<g.outOffsets[u + 1]).first { g.outTargets[$0] == UInt32(v) }!
        return g.outWeights[a]
    }

    @Test func weightedCascadeIsOneOverInDegree() throws {
        let g = try load(.weightedCascade)
        #expect(p(g, 0, 2) == 1.0 / 3)
        #expect(p(g, 1, 2) == 1.0 / 3)
        #expect(p(g, 2, 3) == 1)
        #expect(p(g, 0, 1) == 1)
        #expect(w(g, 3, 2) == 1.0 / 3)
    }

    @Test func uniform() throws {
        let g = try load(.uniform(0.05))
        #expect(g.outProbabilities.allSatisfy { $0 == 0.05 })
        #expect(g.inProbabilities.allSatisfy { $0 == 0.05 })
        #expect(w(g, 0, 2) == 1.0 / 3, "LT weights stay 1/indeg unless read from the file")
    }

    @Test func trivalencyDrawsFromThreeValuesReproducibly() throws {
        let a = try load(.trivalency(seed: 5))
        let b = try load(.trivalency(seed: 5))
        let c = try load(.trivalency(seed: 6))
        #expect(a.outProbabilities == b.outProbabilities)
        #expect(a.outProbabilities.allSatisfy { [0.1, 0.01, 0.001].contains($0) })
        // Many arcs: all three values appear, and another seed gives another assignment.
        var big = ""
        for i in 0..<300 { big += "\(i) \(i + 1)\n" }
        let d = try load(.trivalency(seed: 5), text: big)
        let e = try load(.trivalency(seed: 6), text: big)
        #expect(Set(d.outProbabilities) == [0.1, 0.01, 0.001])
        #expect(d.outProbabilities != e.outProbabilities)
        _ = c
    }

    @Test func fileColumnGivesProbabilitiesAndLTWeights() throws {
        let g = try load(.file)
        #expect(p(g, 0, 2) == 0.1)
        #expect(p(g, 3, 2) == 0.3)
        #expect(p(g, 2, 3) == 0.9)
        #expect(w(g, 1, 2) == 0.2)
        // Reverse CSR carries the same values: in-arcs of node 2 are from 0, 1, 3.
        let row = g.inOffsets[2]..<g.inOffsets[3]
        #expect(row.map { g.inSources[$0] } == [0, 1, 3])
        #expect(row.map { g.inProbabilities[$0] } == [0.1, 0.2, 0.3])
    }

    @Test func ltInWeightsAboveOneAreRejectedWithLabelAndSum() throws {
        let text = "a c 0.7\nb c 0.6\n"
        let path = writeTemporary("lt-over.txt", text)
        #expect(throws: InfluenceError(.data, file: path,
            "node 'c' has LT in-weights summing to 1.3 (expected at most 1; pass --normalize-lt to rescale them)")) {
            try GraphLoader.load(path, options: GraphLoadOptions(build: GraphBuildOptions(probabilities: .file)))
        }
        let g = try load(.file, normalizeLT: true, text: text)
        #expect(abs(g.outWeights[0] - 0.7 / 1.3) < 1e-6)
        #expect(abs(g.outWeights[1] - 0.6 / 1.3) < 1e-6)
        #expect(g.outProbabilities == [0.7, 0.6], "IC probabilities are not rescaled")
    }

    @Test func schemeParsing() throws {
        #expect(try ProbabilityScheme.parse("wc", seed: 1) == .weightedCascade)
        #expect(try ProbabilityScheme.parse("uniform:0.01", seed: 1) == .uniform(0.01))
        #expect(try ProbabilityScheme.parse("trivalency", seed: 9) == .trivalency(seed: 9))
        #expect(try ProbabilityScheme.parse("file", seed: 1) == .file)
        #expect(throws: InfluenceError.self) { try ProbabilityScheme.parse("uniform:1.5", seed: 1) }
        #expect(throws: InfluenceError.self) { try ProbabilityScheme.parse("uniform:x", seed: 1) }
        #expect(throws: InfluenceError.self) { try ProbabilityScheme.parse("random", seed: 1) }
    }

    @Test func fileSchemeNeedsAThirdColumn() throws {
        let path = writeTemporary("two-cols.txt", "0 1\n1 2\n")
        #expect(throws: InfluenceError(.data, file: path, line: 1, "line has no probability (expected 'u v p' with --probabilities file)")) {
            try GraphLoader.load(path, options: GraphLoadOptions(build: GraphBuildOptions(probabilities: .file)))
        }
    }
}
