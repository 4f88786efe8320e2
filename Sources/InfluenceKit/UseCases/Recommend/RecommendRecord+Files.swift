extension RecommendRecord {
    /// The lists as the tab-separated file `infmax recommend --output` writes: header
    /// `inviter invitee rank score`, rank 1 first, labels as in the input. Complexity: O(Σ|L|).
    public var listsTSV: String { Self.listsTSV(lists) }

    /// `lists` as the tab-separated lists file (see `listsTSV`). Complexity: O(Σ|L|).
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
    /// spread, spread_se (the header alone without an evaluation). Complexity: O(methods · K).
    public var evaluationCSV: String {
        var text = "method,lambda,k,recall,ndcg,spread,spread_se\n"
        guard let evaluation else { return text }
        for m in evaluation.methods + (evaluation.frontier ?? []) {
            for (c, k) in m.k.enumerated() {
                let recall = m.recall.map { String($0[c]) } ?? "", ndcg = m.ndcg.map { String($0[c]) } ?? ""
                text += "\(m.method),\(m.tradeOff.map { String($0) } ?? ""),\(k),\(recall),\(ndcg),\(m.spread[c].estimate),\(m.spread[c].standardError)\n"
            }
        }
        return text
    }

    /// Recall@K and Spread@K of the frontier against λ, one series per K, with top-K by P as a
    /// reference line (empty panels without a frontier). Complexity: O(frontier · K).
    public var frontierPlot: SVGPlot {
        let rows = evaluation?.frontier ?? []
        let cutoffs = Array(1...max(1, request.k))
        func series(_ value: (MethodScores, Int) -> Double?) -> [SVGPlot.Series] {
            cutoffs.map { cut in
                SVGPlot.Series(name: "K = \(cut)", points: rows.compactMap { row in
                    value(row, cut - 1).map { SVGPlot.Point(x: row.tradeOff ?? 0, y: $0) }
                })
            }
        }
        let recall = series { row, c in row.recall?[c] }
        let spread = series { row, c in row.spread[c].estimate }
        let p = evaluation?.methods.first { $0.method == RecommendationAlgorithm.p.displayName }
        var recallP: [SVGPlot.Series] = [], spreadP: [SVGPlot.Series] = []
        if let p, let r = p.recall?.last, let s = p.spread.last?.estimate {
            recallP = [SVGPlot.Series(name: "top-K by P, K = \(request.k)", points: [.init(x: 0, y: r), .init(x: 1, y: r)])]
            spreadP = [SVGPlot.Series(name: "top-K by P, K = \(request.k)", points: [.init(x: 0, y: s), .init(x: 1, y: s)])]
        }
        return SVGPlot(
            title: "Recall and spread against the trade-off λ — \(graph.arcsFile)",
            subtitle: "λ = 0: HeteroIR, λ = 1: HeteroIM (r = \(setsPerNode ?? 0)) · \(inviters) inviters · Spread@K by \(evaluation?.worlds ?? 0) Monte Carlo worlds, common random numbers",
            legendTitle: "List length K",
            panels: [
                SVGPlot.Panel(id: "recall", title: "Recall@K", xLabel: "trade-off λ (0 = HeteroIR, 1 = HeteroIM)", yLabel: "recall (share of held-out invitees)", series: recall + recallP),
                SVGPlot.Panel(id: "spread", title: "Spread@K", xLabel: "trade-off λ (0 = HeteroIR, 1 = HeteroIM)", yLabel: "expected spread (nodes)", series: spread + spreadP),
            ])
    }
}
