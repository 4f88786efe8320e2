/// The record `infmax recommend` prints with `--json` (Codable, stable keys).
public struct RecommendationReport: Sendable, Codable, Equatable {
    /// The inputs and parameters of the run, enough to reproduce it.
    public struct Parameters: Sendable, Codable, Equatable {
        /// The arcs file's path (`inviter invitee P`).
        public var arcs: String
        /// The node file's path (`node U`), when one was given.
        public var nodeValues: String?
        /// The inviter list's path.
        public var inviterFile: String
        /// Nodes of the instance.
        public var nodes: Int
        /// Arcs of the instance.
        public var arcCount: Int
        /// Inviters that got a list.
        public var inviters: Int
        /// The list length K.
        public var k: Int
        /// The configured algorithm's name (`hetero-im`, `hetero-ir`, `p`, `pu`, `degree`, `random`).
        public var algorithm: String
        /// The method the lists were ranked by, as tables name it (`HeteroIM`, `λ=0.30`, …).
        public var method: String
        /// RR sets per node r, when sets were sampled.
        public var setsPerNode: Int?
        /// The most inviters that may get the same invitee (nil: no cap).
        public var capacity: Int?
        /// λ of the trade-off, when the lists blend HeteroIR and HeteroIM.
        public var tradeOff: Double?
        /// HeteroIR's c.
        public var topC: Int
        /// Seed of every random choice.
        public var seed: UInt64
        /// Worker threads (the lists do not depend on them).
        public var threads: Int
        /// Parameters from their values. Complexity: O(1).
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
        /// The method's name as tables show it.
        public var method: String
        /// λ for a frontier point.
        public var tradeOff: Double?
        /// K = 1 … maxK.
        public var k: [Int]
        /// Recall@K for each K (nil without held-out invitations).
        public var recall: [Double]?
        /// NDCG@K for each K (nil without held-out invitations).
        public var ndcg: [Double]?
        /// Spread@K for each K: mean accepted users over the Monte Carlo worlds.
        public var spread: [Double]
        /// The standard error of each Spread@K.
        public var spreadStandardError: [Double]
        /// Seconds to compute the lists (HeteroIM: greedy and ranking; sampling is apart).
        public var seconds: Double?
        /// One row of the table from an evaluation of the method's lists. Complexity: O(maxK).
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

    /// How every method's lists scored, on the same Monte Carlo worlds.
    public struct Evaluation: Sendable, Codable, Equatable {
        /// The held-out invitations' path, when given.
        public var truth: String?
        /// Inviters averaged over in Recall and NDCG.
        public var evaluatedInviters: Int?
        /// Monte Carlo worlds of the invite/accept cascade.
        public var worlds: Int
        /// The seed of those worlds.
        public var evaluationSeed: UInt64
        /// One row per method.
        public var methods: [MethodScores]
        /// The trade-off frontier from HeteroIR (λ = 0) to HeteroIM (λ = 1), when asked for.
        public var frontier: [MethodScores]?
        /// An evaluation from its parts. Complexity: O(1).
        public init(truth: String?, evaluatedInviters: Int?, worlds: Int, evaluationSeed: UInt64, methods: [MethodScores], frontier: [MethodScores]?) {
            self.truth = truth; self.evaluatedInviters = evaluatedInviters; self.worlds = worlds
            self.evaluationSeed = evaluationSeed; self.methods = methods; self.frontier = frontier
        }
    }

    /// Wall times, in seconds.
    public struct Timings: Sendable, Codable, Equatable {
        /// Loading the instance.
        public var loadSeconds: Double
        /// HeteroInf of every node.
        public var heteroInfSeconds: Double
        /// RR sampling and index (calibration included).
        public var samplingSeconds: Double
        /// The configured method's lists.
        public var listSeconds: Double
        /// Evaluating the lists, when asked for.
        public var evaluationSeconds: Double?
        /// The whole run, load included.
        public var totalSeconds: Double
        /// Timings from their values. Complexity: O(1).
        public init(loadSeconds: Double, heteroInfSeconds: Double, samplingSeconds: Double, listSeconds: Double,
                    evaluationSeconds: Double?, totalSeconds: Double) {
            self.loadSeconds = loadSeconds; self.heteroInfSeconds = heteroInfSeconds; self.samplingSeconds = samplingSeconds
            self.listSeconds = listSeconds; self.evaluationSeconds = evaluationSeconds; self.totalSeconds = totalSeconds
        }
    }

    /// The inputs and parameters.
    public var parameters: Parameters
    /// How r was chosen, when it was not given.
    public var calibration: SetsPerNodeCalibration?
    /// RR sets sampled and their mean size (HeteroIM and the trade-off).
    public var rrSets: Int?
    /// The mean size of those RR sets.
    public var meanRRSetSize: Double?
    /// One list per inviter, in the inviter file's order.
    public var lists: [InviteeList]
    /// The scores of the methods, when an evaluation was asked for.
    public var evaluation: Evaluation?
    /// Wall times.
    public var timings: Timings
    /// Warnings about the input (such as inviters with no out-arc).
    public var warnings: [String]

    /// A record from its parts. Complexity: O(1).
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
