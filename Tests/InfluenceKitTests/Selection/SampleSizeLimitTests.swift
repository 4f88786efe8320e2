import Testing
@testable import InfluenceKit

/// A tiny ε asks for more RR sets than an Int holds: every RIS algorithm refuses it with a usage
/// error naming epsilon instead of trapping on the conversion.
@Suite struct SampleSizeLimitTests {
    let graph = try! InfluenceGraph(sources: [0, 0, 1, 2, 3], targets: [1, 2, 2, 3, 0])

    @Test(arguments: [SelectionAlgorithm.opimC, .imm])
    func seedSearchRefusesATinyEpsilon(algorithm: SelectionAlgorithm) throws {
        let request = SeedsRequest(k: 1, algorithm: algorithm, epsilon: 1e-9, threads: 1)
        do {
            _ = try request.run(on: GraphInput(graph))
            Issue.record("expected a refusal of ε = 1e-9")
        } catch {
            #expect(error.kind == .usage && error.parameter == "epsilon", "\(error)")
            #expect(error.message.contains("2^48"), "\(error)")
        }
    }

    @Test func capacityConstrainedRefusesATinyEpsilon() throws {
        let model = try DiffusionModelKind.ic.bind(to: graph)
        var run = try CapacityConstrainedIM(model: model, activeParticipants: [0],
                                            configuration: .init(k: 1, epsilon: 1e-12, threads: 1))
        do {
            _ = try run.run()
            Issue.record("expected a refusal of ε = 1e-12")
        } catch {
            #expect(error.kind == .usage && error.parameter == "epsilon", "\(error)")
        }
    }

    @Test func boundsWithinTheLimitPass() throws {
        #expect(try SampleSizeLimit.checked(1234.2, epsilon: 0.1, bound: "θ") == 1235)
        #expect(throws: InfluenceError.self) { try SampleSizeLimit.checked(.infinity, epsilon: 0.1, bound: "θ") }
        #expect(throws: InfluenceError.self) { try SampleSizeLimit.checked(.nan, epsilon: 0.1, bound: "θ") }
    }
}
