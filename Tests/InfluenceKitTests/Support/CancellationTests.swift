import Foundation
import Testing
import InfluenceKit

/// A cancellation flag set while a use case runs stops it: every request below has a minute or more
/// of work (10^10 Monte Carlo runs or RR sets, 2·10^7 closed-network worlds, millions of invitation
/// worlds); the flag is set 100 ms in, and the run
/// must throw `InfluenceError.cancelled` — a loop that ignored the flag would keep the test running
/// for minutes (the suite's time limit fails it), and one that returned a partial result instead of
/// throwing fails the `#require`. The input runs the next request as before.
@Suite(.serialized) struct CancellationTests {
    static let graphRequests = [
        #"{"useCase": "seeds", "request": {"k": 2, "evaluationSets": 10000000000, "threads": 2}}"#,
        #"{"useCase": "simulate", "request": {"seeds": ["0"], "runs": 10000000000, "threads": 2}}"#,
        #"{"useCase": "compare", "request": {"ks": [1, 2], "runs": 10000000000, "threads": 2}}"#,
        #"{"useCase": "cim", "request": {"k": 1, "activeParticipants": ["0", "33"], "monteCarloEvaluationRuns": 10000000000, "threads": 2}}"#,
        #"{"useCase": "closed", "request": {"seeds": ["0", "33"], "k": 1, "evaluationRuns": 20000000, "threads": 2}}"#,
    ]

    /// Runs `document` with a flag set 100 ms in, from a thread of its own (not a Dispatch queue:
    /// the engine's workers may hold every thread of Dispatch's pool). Complexity: until the run stops.
    static func cancelledRun(_ document: RunDocument, on input: any UseCaseInput) throws -> InfluenceError {
        let stop = CancellationFlag()
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.1)
            stop.cancel()
        }
        return try #require(throws: InfluenceError.self) {
            _ = try document.request.run(on: input, context: RunContext(cancellation: stop))
        }
    }

    @Test(arguments: graphRequests) func aFlagSetDuringAGraphRunStopsIt(_ json: String) throws {
        let input = try GraphInput.load(TestPaths.fixture("../../Graphs/karate.txt"), options: GraphLoadOptions(undirected: true))
        let document = try RunDocument.decode(Array(json.utf8))
        #expect(try Self.cancelledRun(document, on: input) == InfluenceError.cancelled)
        let after = try SimulateRequest(seeds: ["0"], runs: 1_000, threads: 1).run(on: input)
        #expect(after.spread.samples == 1_000)
    }

    @Test func aFlagSetDuringRecommendationStopsIt() throws {
        let input = try InviteInput.load(arcs: TestPaths.fixture("../../Graphs/invite/invitations.tsv"),
                                         nodeValues: TestPaths.fixture("../../Graphs/invite/acceptance.tsv"),
                                         inviters: TestPaths.fixture("../../Graphs/invite/inviter-list.txt"))
        let truth = TestPaths.fixture("../../Graphs/invite/held-out.tsv")
        let json = #"{"useCase": "recommend", "request": {"k": 3, "truth": ""# + truth + #"", "worlds": 5000000, "frontier": true, "threads": 2}}"#
        #expect(try Self.cancelledRun(try RunDocument.decode(Array(json.utf8)), on: input) == InfluenceError.cancelled)
    }

    @Test func aFlagSetBeforeTheRunStopsItAtOnce() throws {
        let input = try GraphInput.load(TestPaths.fixture("../../Graphs/karate.txt"), options: GraphLoadOptions(undirected: true))
        let stop = CancellationFlag()
        stop.cancel()
        let document = try RunDocument.decode(Array(Self.graphRequests[1].utf8))
        let error = try #require(throws: InfluenceError.self) {
            _ = try document.request.run(on: input, context: RunContext(cancellation: stop))
        }
        #expect(error == InfluenceError.cancelled)
    }
}
