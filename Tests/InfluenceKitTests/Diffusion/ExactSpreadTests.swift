import Testing
@_spi(Kernels) @testable import InfluenceKit

/// The live-edge oracle itself: hand-computed values, pruning, refusal of large instances.
@Suite struct ExactSpreadTests {
    /// Diamond 0→1, 0→2, 1→3, 2→3 with p = 0.5: P(3) = 1 − (1 − 0.25)² = 0.4375.
    @Test func diamondByHand() throws {
        let graph = try tinyGraph(4, [(0, 1, 0.5), (0, 2, 0.5), (1, 3, 0.5), (2, 3, 0.5)])
        let nodes = try ExactSpread.activationProbabilities(of: [0], under: bind(graph, .ic))
        #expect(nodes == [1, 0.5, 0.5, 0.4375])
        #expect(try ExactSpread.spread(of: [0], under: bind(graph, .ic)) == 2.4375)
        // LT: node 3 takes 1→3 or 2→3 with 1/2 each (weights sum to 1), so P(3) = 1/2·1/2 + 1/2·1/2.
        let lt = try ExactSpread.activationProbabilities(of: [0], under: bind(graph, .lt))
        #expect(lt == [1, 0.5, 0.5, 0.5])
    }

    @Test func duplicateSeedsCountOnce() throws {
        let graph = try tinyGraph(3, [(0, 1, 0.5), (1, 2, 0.5)])
        #expect(try ExactSpread.spread(of: [0, 0], under: bind(graph, .ic)) == 1.75)
        #expect(try ExactSpread.spread(of: [], under: bind(graph, .ic)) == 0)
    }

    @Test func unknownSeedIsAUsageError() throws {
        let graph = try tinyGraph(3, [(0, 1, 0.5)])
        #expect(throws: InfluenceError(.usage, parameter: "seeds", "seed 3 is not a node (expected an id in 0..<3)")) {
            try ExactSpread.spread(of: [3], under: bind(graph, .ic))
        }
    }

    @Test func refusesMoreThan2To24IndependentCascadeWorlds() throws {
        let graph = try tinyGraph(26, (0..<25).map { ($0, $0 + 1, Float(0.5)) })
        do {
            _ = try ExactSpread.spread(of: [0], under: bind(graph, .ic))
            Issue.record("expected a refusal")
        } catch {
            #expect(error.kind == .resource)
            #expect(error.message.contains("2^25 = 33554432 live-edge worlds"), "\(error.message)")
            #expect(error.message.contains("limit 2^24 = 16777216"), "\(error.message)")
        }
        // Only arcs reachable from the seeds count: from node 2 there are 23 uncertain arcs.
        #expect(try ExactSpread.worldCount(of: [2], under: bind(graph, .ic)) == 1 << 23)
        #expect(try ExactSpread.worldCount(of: [1], under: bind(graph, .ic)) == 1 << 24)
        // Certain arcs add no worlds.
        let certain = try tinyGraph(41, (0..<40).map { ($0, $0 + 1, Float($0 < 30 ? 1 : 0.5)) })
        #expect(try ExactSpread.worldCount(of: [0], under: bind(certain, .ic)) == 1 << 10)
        #expect(try ExactSpread.spread(of: [0], under: bind(certain, .ic)) > 31)
    }

    @Test func refusesMoreThan2To24LinearThresholdWorlds() throws {
        // Nodes 2…17 each have in-arcs from 0 and 1 with weight 0.3: three choices each, 3^16 worlds.
        var arcs: [(Int, Int, Float)] = []
        for v in 2..<18 { arcs.append((0, v, 0.3)); arcs.append((1, v, 0.3)) }
        let graph = try tinyGraph(18, arcs)
        #expect(try ExactSpread.worldCount(of: [0, 1], under: bind(graph, .lt)) == 43_046_721)
        #expect(throws: InfluenceError.self) { try ExactSpread.spread(of: [0, 1], under: bind(graph, .lt)) }
        do {
            _ = try ExactSpread.spread(of: [0, 1], under: bind(graph, .lt))
        } catch {
            #expect(error.kind == .resource)
            #expect(error.message.contains("43046721 live-edge worlds"), "\(error.message)")
            #expect(error.message.contains("limit 2^24 = 16777216"), "\(error.message)")
        }
        // From seed 0 alone, each node has two choices (0's arc or none): 2^16 worlds, and the
        // spread is 1 + 16 · 0.3.
        #expect(try ExactSpread.worldCount(of: [0], under: bind(graph, .lt)) == 1 << 16)
        #expect(abs(try ExactSpread.spread(of: [0], under: bind(graph, .lt)) - (1 + 16 * Double(Float(0.3)))) < 1e-9)
    }

    @Test func arcsIntoSeedsAndFromUnreachedNodesAreIgnored() throws {
        // 5 → 0 and 4 → 1 cannot matter for seeds {0}: 1 has in-weight 0.5 from 0 and 0.5 from 4.
        let graph = try tinyGraph(6, [(0, 1, 0.5), (4, 1, 0.5), (5, 0, 0.7), (1, 2, 1)])
        #expect(try ExactSpread.worldCount(of: [0], under: bind(graph, .ic)) == 2)
        #expect(try ExactSpread.worldCount(of: [0], under: bind(graph, .lt)) == 2)
        #expect(try ExactSpread.spread(of: [0], under: bind(graph, .lt)) == 2)
        #expect(try ExactSpread.spread(of: [0], under: bind(graph, .ic)) == 2)
    }
}
