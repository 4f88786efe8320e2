import Foundation
import Testing
@testable import InfluenceKit

/// The streamed Chung–Lu generator: the arcs it promises, every node accounted for, the same
/// bytes for any thread count, and the hub's degree where the law puts it.
@Suite struct PowerLawStreamTests {
    static func text(_ stream: PowerLawStream, workers: Int) throws -> String {
        var bytes: [UInt8] = []
        try stream.write(recipe: "test", workers: workers) { (chunk) throws(InfluenceError) in bytes.append(contentsOf: chunk) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// n = 2,000, m = 300,000 (two blocks of 2^18 arcs, so the thread count could matter), γ = 2.5
    /// both ways.
    ///
    /// Node 0's out-degree must lie within 5 standard deviations of m·q, q = p₀(1 − p₀)/(1 − Σpᵢ²)
    /// the chance that an arc (self-loops redrawn) leaves node 0, with pᵢ the law's mass of node i.
    /// m·q ≈ 6,600 with a deviation of about 80: a uniform draw (150 expected) or γ = 2.1 (about
    /// 19,000) is rejected, as is an order that moved the hub off node 0.
    @Test func arcsNodesDeterminismAndTheHub() throws {
        let n = 2_000, m = 300_000
        let stream = try PowerLawStream(nodes: n, arcs: m, exponentOut: 2.5, exponentIn: 2.5, seed: 5)
        #expect(m > PowerLawStream.arcsPerBlock) // two blocks, so thread counts matter
        let one = try Self.text(stream, workers: 1)
        #expect(try Self.text(stream, workers: 3) == one)
        #expect(try Self.text(try PowerLawStream(nodes: n, arcs: m, seed: 6), workers: 2) != one)
        var outDegree = [Int](repeating: 0, count: n)
        var touched = [Bool](repeating: false, count: n)
        var arcs = 0, isolated: [Int] = []
        var inIsolatedList = false
        for line in one.split(separator: "\n") {
            if line.hasPrefix("#") { inIsolatedList = line.contains("isolated"); continue }
            let parts = line.split(separator: " ").map { Int($0)! }
            if inIsolatedList {
                #expect(parts.count == 1)
                isolated.append(parts[0])
                continue
            }
            #expect(parts.count == 2 && parts[0] != parts[1] && parts.allSatisfy { $0 >= 0 && $0 < n })
            outDegree[parts[0]] += 1
            touched[parts[0]] = true; touched[parts[1]] = true
            arcs += 1
        }
        #expect(arcs == m)
        #expect(isolated == (0..<n).filter { !touched[$0] })
        let alpha = 1 / 1.5
        let top = pow(Double(n) + 1, 1 - alpha) - 1
        let p = (0..<n).map { i in (pow(Double(i) + 2, 1 - alpha) - pow(Double(i) + 1, 1 - alpha)) / top }
        let selfLoop = p.reduce(0) { $0 + $1 * $1 }
        let q = p[0] * (1 - p[0]) / (1 - selfLoop)
        let expected = Double(m) * q, deviation = (Double(m) * q * (1 - q)).squareRoot()
        #expect(abs(Double(outDegree[0]) - expected) <= 5 * deviation, "node 0: \(outDegree[0]) arcs, expected \(expected) ± \(deviation)")
        #expect(outDegree.max() == outDegree[0])
    }

    @Test func badParametersNameThemselves() {
        for (nodes, arcs, gamma, parameter) in [(1, 10, 2.5, "nodes"), (10, 0, 2.5, "arcs"), (10, 10, 1.5, "exponent")] {
            let error = #expect(throws: InfluenceError.self) { try PowerLawStream(nodes: nodes, arcs: arcs, exponentOut: gamma, exponentIn: 2.5) }
            #expect(error?.parameter?.rawValue == parameter)
        }
    }
}
