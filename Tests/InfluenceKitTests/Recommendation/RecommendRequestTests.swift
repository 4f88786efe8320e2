import Testing
import Foundation
@testable import InfluenceKit

/// `RecommendRequest.run`: the record holds its request and the invitation graph's files and
/// hash, so the record alone — written as JSON, read back as a `RunDocument`, the files loaded
/// again — reruns to the same lists and the same evaluation, bit for bit.
@Suite struct RecommendRequestTests {
    /// The 7-node instance as files, with held-out invitations.
    struct Files {
        let arcs = writeTemporary("recommend-arcs.tsv", SevenNodes.arcsFile)
        let nodes = writeTemporary("recommend-nodes.tsv", SevenNodes.nodesFile)
        let inviters = writeTemporary("recommend-inviters.txt", "inviter\n1\n0\n")
        let truth = writeTemporary("recommend-truth.tsv", "0 3\n1 4\n1 3\n")
        func remove() { for path in [arcs, nodes, inviters, truth] { removeTemporary(path) } }
    }

    /// Records equal but for wall times (which no rerun reproduces).
    static func untimed(_ record: RecommendRecord) -> RecommendRecord {
        var r = record
        r.timings = RecordTimings(loadSeconds: 0, phases: [], totalSeconds: 0)
        r.memory = RecordMemory(peakResidentBytes: 0, limitBytes: 0)
        func clear(_ rows: [RecommendRecord.MethodScores]?) -> [RecommendRecord.MethodScores]? {
            rows?.map { var row = $0; row.seconds = nil; return row }
        }
        if var evaluation = r.evaluation {
            evaluation.methods = clear(evaluation.methods) ?? []
            evaluation.frontier = clear(evaluation.frontier)
            r.evaluation = evaluation
        }
        return r
    }

    static let cases: [RecommendRequest] = [
        RecommendRequest(k: 2, setsPerNode: 16, truth: nil, seed: 3, threads: 2),
        RecommendRequest(k: 2, algorithm: .heteroIR, capacity: 1, topC: 2, threads: 1),
        RecommendRequest(k: 2, setsPerNode: 8, tradeOff: 0.4, inviters: ["0"], seed: 5, threads: 2),
        RecommendRequest(k: 2, algorithm: .random, worlds: 300, evaluationSeed: 9, frontier: true, seed: 7, threads: 2),
    ]

    @Test(arguments: cases)
    func recordReproducesTheRun(_ base: RecommendRequest) throws {
        let files = Files()
        defer { files.remove() }
        var request = base
        if request.frontier { request.truth = files.truth }
        let input = try InviteInput.load(arcs: files.arcs, nodeValues: files.nodes, inviters: files.inviters)
        let record = try request.run(on: input)
        #expect(record.request == request && record.useCase == .recommend)
        #expect(record.graph == InviteProvenance(arcsFile: files.arcs, nodeValuesFile: files.nodes, invitersFile: files.inviters,
                                                 contentHash: input.contentHash, nodes: 7, arcs: 8, inviters: 2))
        #expect(record.lists.map(\.inviter) == (request.inviters ?? ["1", "0"]))
        let listed = record.lists.flatMap { $0.invitees.map(\.invitee) }
        if request.capacity == 1 {
            #expect(Set(listed).count == listed.count && listed.count == 3, "capacity 1: invitee 3 goes to one inviter only")
        } else {
            #expect(record.lists.allSatisfy { $0.invitees.count == 2 })
        }
        // The lists are the recommender's own for the same configuration.
        let recommender = try InviteeRecommender(graph: input.graph, configuration: .init(
            algorithm: request.algorithm, setsPerNode: request.setsPerNode, capacity: request.capacity, tradeOff: request.tradeOff,
            topC: request.topC, seed: request.seed, threads: request.threads, samplesSets: request.truth != nil ? true : nil))
        #expect(record.lists == (try recommender.recommend(for: request.inviters ?? ["1", "0"], k: request.k)))
        if request.truth != nil {
            let evaluation = try #require(record.evaluation)
            #expect(evaluation.methods.map(\.method) == ["Random", "HeteroIM", "HeteroIR", "P", "PU", "OutDeg"])
            #expect(evaluation.frontier?.compactMap(\.tradeOff) == (0...10).map { Double($0) / 10 })
            #expect(evaluation.truthPairs == 3 && evaluation.evaluatedInviters == 2 && evaluation.worlds == 300)
            let direct = try recommender.evaluate(record.lists, truth: try TruthPairs.read(files.truth), maxK: 2, worlds: 300, seed: 9)
            #expect(evaluation.methods[0].spread == direct.spread.map(SpreadValue.init))
            #expect(evaluation.methods[0].recall == direct.metrics?.recall)
        } else {
            #expect(record.evaluation == nil)
        }
        // Through JSON, then rerun from the record alone.
        let text = try ReportJSON.text(record)
        #expect(!text.contains("\"parameters\""))
        let decoded = try JSONDecoder().decode(RecommendRecord.self, from: Data(text.utf8))
        #expect(decoded == record)
        let document = try RunDocument.decode(Array(text.utf8))
        #expect(document.request == .recommend(request))
        #expect(document.graph == RunDocument.GraphReference(path: files.arcs, contentHash: input.contentHash,
                                                              nodeValues: files.nodes, inviters: files.inviters))
        let rerun = try document.run()
        #expect(rerun.changedHash == nil)
        let again = try #require(rerun.record as? RecommendRecord)
        #expect(Self.untimed(again) == Self.untimed(record))
    }

    @Test func badRequestsNameTheirParameter() throws {
        let input = try InviteInput(SevenNodes.graph(), inviters: ["0", "1"])
        let bad: [(RecommendRequest, String)] = [
            (.init(k: 0), "k"), (.init(k: 1, setsPerNode: 0), "setsPerNode"), (.init(k: 1, capacity: 0), "capacity"),
            (.init(k: 1, tradeOff: 1.5), "tradeOff"), (.init(k: 1, algorithm: .p, tradeOff: 0.5), "tradeOff"),
            (.init(k: 1, topC: 0), "topC"), (.init(k: 1, worlds: 0), "worlds"), (.init(k: 1, frontier: true), "frontier"),
            (.init(k: 1, inviters: []), "inviters"), (.init(k: 1, inviters: ["0", "0"]), "inviters"),
            (.init(k: 1, inviters: ["77"]), "inviters"), (.init(k: 1, threads: 0), "threads"),
        ]
        for (request, parameter) in bad {
            let error = try #require(throws: InfluenceError.self) { try request.run(on: input) }
            #expect(error.parameter == parameter, "\(error)")
        }
        // Without an inviter file the request must name them.
        let none = try #require(throws: InfluenceError.self) { try RecommendRequest(k: 1).run(on: InviteInput(SevenNodes.graph())) }
        #expect(none.parameter == "inviters")
        // A recommend request does not run on another kind of input.
        let graph = GraphInput(try InfluenceGraph(sources: [0], targets: [1]))
        let wrong = try #require(throws: InfluenceError.self) { try RecommendRequest(k: 1).run(onAny: graph) }
        #expect(wrong.parameter == "graph" && wrong.message.contains("invitation graph"))
    }

    @Test func requestDocumentsTakeDefaultsAndRefuseUnknownKeys() throws {
        let minimal = try RunDocument.decode(Array(#"{"useCase": "recommend", "graph": {"arcsFile": "a.tsv"}, "request": {"k": 3}}"#.utf8))
        #expect(minimal.request == .recommend(RecommendRequest(k: 3)))
        #expect(minimal.graph == RunDocument.GraphReference(path: "a.tsv"))
        let cases: [(String, String)] = [
            (#"{"useCase": "recommend", "request": {"k": 3, "trade-off": 0.2}}"#, "trade-off"),
            (#"{"useCase": "recommend", "request": {"k": 3, "algorithm": "hetero"}}"#, "algorithm"),
            (#"{"useCase": "recommend", "request": {"worlds": 10}}"#, "k"),
            (#"{"useCase": "recommend", "request": {"k": 3, "inviters": "0"}}"#, "inviters"),
        ]
        for (text, key) in cases {
            let error = try #require(throws: InfluenceError.self) { try RunDocument.decode(Array(text.utf8)) }
            #expect(error.kind == .usage && error.parameter == key, "\(text): \(error)")
        }
        // Embed and probe need a front end that links GraphInfomax.
        let embed = try #require(throws: InfluenceError.self) {
            try RunDocument.decode(Array(#"{"useCase": "embed", "request": {}}"#.utf8))
        }
        #expect(embed.parameter == "useCase" && embed.message.contains("GraphInfomax"))
    }

    /// A cancelled run stops with `InfluenceError.cancelled`; progress goes to the caller's reporter.
    @Test func cancellationAndProgressAreParametersOfTheCall() throws {
        let files = Files()
        defer { files.remove() }
        let input = try InviteInput.load(arcs: files.arcs, nodeValues: files.nodes, inviters: files.inviters)
        let flag = CancellationFlag()
        flag.cancel()
        let error = try #require(throws: InfluenceError.self) {
            try RecommendRequest(k: 2, setsPerNode: 4, threads: 1).run(on: input, context: RunContext(cancellation: flag))
        }
        #expect(error == InfluenceError.cancelled)
        let progress = PhaseRecorder()
        _ = try RecommendRequest(k: 2, setsPerNode: 4, truth: files.truth, worlds: 50, threads: 1).run(on: input, context: RunContext(progress: progress))
        #expect(progress.phases.contains("evaluating"))
    }

    /// The content hash follows the instance: another U, or another inviter list, changes it.
    @Test func contentHashFollowsTheInstance() throws {
        let graph = try SevenNodes.graph()
        let a = try InviteInput(graph, inviters: ["0", "1"]).contentHash
        #expect(try InviteInput(graph, inviters: ["0", "1"]).contentHash == a)
        #expect(try InviteInput(graph, inviters: ["1", "0"]).contentHash != a)
        var acceptance = SevenNodes.acceptance
        acceptance["2"] = 0.25
        #expect(try InviteInput(InviteGraph(arcs: SevenNodes.arcs, acceptance: acceptance), inviters: ["0", "1"]).contentHash != a)
    }

    /// The README's `RecommendRequest` example as written (paths made absolute), with checks.
    @Test func readmeExampleRuns() throws {
        let root = TestPaths.fixture("").split(separator: "/").dropLast(2).joined(separator: "/")
        let dir = "/" + root + "/Graphs/invite/"
        let input = try InviteInput.load(arcs: dir + "invitations.tsv", nodeValues: dir + "acceptance.tsv",
                                         inviters: dir + "inviter-list.txt")
        let record = try RecommendRequest(k: 3, setsPerNode: 8, truth: dir + "held-out.tsv", worlds: 300).run(on: input)
        print(record.lists[0].inviter, record.lists[0].invitees.map(\.invitee))
        for row in record.evaluation?.methods ?? [] { print(row.method, row.recall ?? [], row.spread.map(\.estimate)) }
        // Checks: 12 inviters with lists of at most 3, every method scored at K = 1 … 3.
        #expect(record.lists.count == 12 && record.lists.allSatisfy { $0.invitees.count <= 3 })
        let methods = try #require(record.evaluation?.methods)
        #expect(methods.map(\.method) == ["HeteroIM", "HeteroIR", "P", "PU", "OutDeg", "Random"])
        #expect(methods.allSatisfy { $0.recall?.count == 3 && $0.spread.count == 3 && $0.spread.allSatisfy { $0.samples == 300 } })
        let rows = record.listsTSV.split(separator: "\n")
        #expect(rows.first == "inviter\tinvitee\trank\tscore" && rows.count == 1 + record.lists.reduce(0) { $0 + $1.invitees.count })
    }
}

/// A progress reporter that keeps the phases begun.
final class PhaseRecorder: ProgressReporter, @unchecked Sendable {
    private let lock = NSLock()
    private var begun: [String] = []
    var phases: [String] { lock.withLock { begun } }
    func begin(_ phase: String, total: Int, unit: String) { lock.withLock { begun.append(phase) } }
    func advance(by count: Int, worker: Int) {}
    func end() {}
    func note(_ text: String) {}
}
