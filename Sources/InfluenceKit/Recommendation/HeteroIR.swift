/// HeteroIR (CIKM 2025, "Heterogeneous Influence Maximization in User Recommendation", §4): rank
/// each inviter's candidates by the willingness to invite and accept times one plus the
/// candidate's own two-step reach.
///
/// HeteroInf(j) = the sum of the c largest values of P_jl·U_l over j's out-neighbours l (c = 20
/// in the paper); β_ij = P_ij·U_j·(1 + HeteroInf(j)). Each inviter's list is its top K by β, ties
/// to the smaller invitee id. U is never dropped, and every score is looked up by the graph's
/// dense id (the published code indexes one score table by another id space).
public struct HeteroIR: Sendable {
    /// The paper's c: how many out-neighbours HeteroInf sums.
    public static let defaultTopC = 20

    /// The instance the scores were computed on.
    public let graph: InviteGraph
    /// c.
    public let topC: Int
    /// HeteroInf(j) of every node.
    public let heteroInf: [Double]

    /// Computes HeteroInf for every node (the top-c values summed from the largest down).
    ///
    /// - Throws: `InfluenceError(.usage)` (parameter `topC`) when c < 1.
    /// - Complexity: O(m log Δ).
    public init(graph: InviteGraph, topC: Int = HeteroIR.defaultTopC) throws(InfluenceError) {
        guard topC >= 1 else { throw InfluenceError(.usage, parameter: "topC", "c = \(topC) (expected at least 1)") }
        self.graph = graph
        self.topC = topC
        var inf = [Double](repeating: 0, count: graph.nodeCount)
        var values: [Double] = []
        for j in 0..<graph.nodeCount {
            values.removeAll(keepingCapacity: true)
            for a in graph.arcs(from: j) { values.append(graph.invite[a] * graph.acceptance[Int(graph.outTargets[a])]) }
            values.sort(by: >)
            var sum = 0.0
            for v in values.prefix(topC) { sum += v }
            inf[j] = sum
        }
        heteroInf = inf
    }

    /// β of every forward arc: P_ij·U_j·(1 + HeteroInf(j)). Complexity: O(m).
    public func scores() -> [Double] {
        (0..<graph.arcCount).map { arc in
            let j = Int(graph.outTargets[arc])
            return graph.invite[arc] * graph.acceptance[j] * (1 + heteroInf[j])
        }
    }

    /// β for the out-arcs of `inviters` only (other arcs 0). Complexity: O(Σ deg).
    func scores(of inviters: [Int]) -> [Double] {
        var beta = [Double](repeating: 0, count: graph.arcCount)
        for i in inviters {
            for a in graph.arcs(from: i) {
                let j = Int(graph.outTargets[a])
                beta[a] = graph.invite[a] * graph.acceptance[j] * (1 + heteroInf[j])
            }
        }
        return beta
    }
}
