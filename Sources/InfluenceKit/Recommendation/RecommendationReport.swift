/// The record `infmax recommend` prints with `--json` (Codable, stable keys).
public struct RecommendationReport: Sendable, Codable, Equatable {
    public struct Parameters: Sendable, Codable, Equatable {
        public var arcs: String
        public var nodeValues: String?
        public var inviterFile: String
        public var nodes: Int
        public var arcCount: Int
        public var inviters: Int
        public var k: Int
        public var algorithm: String
        public var method: String
        public var setsPerNode: Int?
        public var capacity: Int?
        public var tradeOff: Double?
        public var topC: Int
        public var seed: UInt64
        public var threads: Int
        public init(arcs: String, nodeValues: String?, inviterFile: String, nodes: Int, arcCount: Int, inviters: Int, k: Int,
                    algorithm: String, method: String, setsPerNode: Int?, capacity: Int?, tradeOff: Double?, topC: Int,
                    seed: UInt64, threads: Int) {
            self.arcs = arcs; self.nodeValues = nodeValues; self.inviterFile = inviterFile; self.nodes = nodes
            self.arcCount = arcCount; self.inviters = inviters; self.k = k; self.algorithm = algorithm; self.method = method
            self.setsPerNode = setsPerNode; self.capacity = capacity; self.tradeOff = tradeOff; self.topC = topC
            self.seed = seed; self.threads = threads
        }
    }

    /// One method's scores in the evaluation table.
    public struct MethodScores: Sendable, Codable, Equatable {
        public var method: String
        /// λ for a frontier point.
        public var tradeOff: Double?
        public var k: [Int]
        public var recall: [Double]?
        public var ndcg: [Double]?
        public var spread: [Double]
        public var spreadStandardError: [Double]
        /// Seconds to compute the lists (HeteroIM: greedy and ranking; sampling is apart).
        public var seconds: Double?
        public init(method: String, tradeOff: Double? = nil, evaluation: ListEvaluation, seconds: Double?) {
            self.method = method
            self.tradeOff = tradeOff
            k = evaluation.spread.map(\.k)
            recall = evaluation.metrics?.recall
            ndcg = evaluation.metrics?.ndcg
            spread = evaluation.spread.map(\.mean)
            spreadStandardError = evaluation.spread.map(\.standardError)
            self.seconds = seconds
        }
    }

    public struct Evaluation: Sendable, Codable, Equatable {
        public var truth: String?
        /// Inviters averaged over in Recall and NDCG.
        public var evaluatedInviters: Int?
        public var worlds: Int
        public var evaluationSeed: UInt64
        public var methods: [MethodScores]
        public var frontier: [MethodScores]?
        public init(truth: String?, evaluatedInviters: Int?, worlds: Int, evaluationSeed: UInt64, methods: [MethodScores], frontier: [MethodScores]?) {
            self.truth = truth; self.evaluatedInviters = evaluatedInviters; self.worlds = worlds
            self.evaluationSeed = evaluationSeed; self.methods = methods; self.frontier = frontier
        }
    }

    public struct Timings: Sendable, Codable, Equatable {
        public var loadSeconds: Double
        /// HeteroInf of every node.
        public var heteroInfSeconds: Double
        /// RR sampling and index (calibration included).
        public var samplingSeconds: Double
        /// The configured method's lists.
        public var listSeconds: Double
        public var evaluationSeconds: Double?
        public var totalSeconds: Double
        public init(loadSeconds: Double, heteroInfSeconds: Double, samplingSeconds: Double, listSeconds: Double,
                    evaluationSeconds: Double?, totalSeconds: Double) {
            self.loadSeconds = loadSeconds; self.heteroInfSeconds = heteroInfSeconds; self.samplingSeconds = samplingSeconds
            self.listSeconds = listSeconds; self.evaluationSeconds = evaluationSeconds; self.totalSeconds = totalSeconds
        }
    }

    public var parameters: Parameters
    public var calibration: SetsPerNodeCalibration?
    /// RR sets sampled and their mean size (HeteroIM and the trade-off).
    public var rrSets: Int?
    public var meanRRSetSize: Double?
    public var lists: [InviteeList]
    public var evaluation: Evaluation?
    public var timings: Timings
    public var warnings: [String]

    public init(parameters: Parameters, calibration: SetsPerNodeCalibration?, rrSets: Int?, meanRRSetSize: Double?,
                lists: [InviteeList], evaluation: Evaluation?, timings: Timings, warnings: [String]) {
        self.parameters = parameters; self.calibration = calibration; self.rrSets = rrSets; self.meanRRSetSize = meanRRSetSize
        self.lists = lists; self.evaluation = evaluation; self.timings = timings; self.warnings = warnings
    }

    /// The lists as the tab-separated file `--output` writes: header `inviter invitee rank score`,
    /// rank 1 first, labels as in the input. Complexity: O(Σ|L|).
    public static func listsTSV(_ lists: [InviteeList]) -> String {
        var text = "inviter\tinvitee\trank\tscore\n"
        for list in lists {
            for (r, entry) in list.invitees.enumerated() {
                text += "\(list.inviter)\t\(entry.invitee)\t\(r + 1)\t\(entry.score)\n"
            }
        }
        return text
    }

    /// The evaluation table as CSV, one row per (method, K): method, lambda, k, recall, ndcg,
    /// spread, spread_se. Complexity: O(methods · K).
    public func evaluationCSV() -> String {
        var text = "method,lambda,k,recall,ndcg,spread,spread_se\n"
        guard let evaluation else { return text }
        for m in evaluation.methods + (evaluation.frontier ?? []) {
            for (c, k) in m.k.enumerated() {
                let recall = m.recall.map { String($0[c]) } ?? "", ndcg = m.ndcg.map { String($0[c]) } ?? ""
                text += "\(m.method),\(m.tradeOff.map { String($0) } ?? ""),\(k),\(recall),\(ndcg),\(m.spread[c]),\(m.spreadStandardError[c])\n"
            }
        }
        return text
    }
}
