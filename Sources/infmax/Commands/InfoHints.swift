import InfluenceKit

/// What `infmax info` suggests about loading a graph, from its summary.
enum InfoHints {
    /// The largest weak component must have at least this many nodes for the strong-component hint.
    static let minimumWeakComponent = 100

    /// Hints for `summary`; `snapshot` when the graph came from an `.infgraph` (its arcs are fixed:
    /// `--undirected` goes to `infmax convert`).
    static func hints(for summary: GraphSummary, snapshot: Bool) -> [String] {
        guard summary.directed, summary.arcs > 0 else { return [] }
        if summary.symmetric {
            return ["every arc has its reverse (the file may list each undirected edge in both directions; --undirected is not needed)"]
        }
        let strong = summary.stronglyConnectedComponents.largest
        let weak = summary.weaklyConnectedComponents.largest
        // Tiny: under 1% of the weak component.
        guard weak >= minimumWeakComponent, strong * 100 < weak else { return [] }
        let remedy = snapshot ? "rebuild the snapshot with infmax convert --undirected" : "load it with --undirected"
        return ["the largest strong component has \(grouped(strong)) node\(strong == 1 ? "" : "s") against \(grouped(weak)) in the weak one: if the file lists each friendship once, \(remedy)"]
    }

    /// `4000` as `4,000`.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var text = ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return (value < 0 ? "-" : "") + text
    }
}
