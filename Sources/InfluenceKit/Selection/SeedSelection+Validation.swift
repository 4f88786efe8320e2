extension SeedSelection {
    /// Checks the parameters every RIS algorithm shares, naming the parameter at fault.
    ///
    /// Complexity: O(1).
    public static func validate(k: Int, epsilon: Double, nodeCount: Int) throws(InfluenceError) {
        guard k >= 1 else {
            throw InfluenceError(.usage, parameter: "k", "k must be at least 1 (got \(k))")
        }
        guard k <= nodeCount else {
            throw InfluenceError(.usage, parameter: "k", "k = \(k) exceeds the graph's \(nodeCount) nodes (expected k ≤ n)")
        }
        guard epsilon > 0, epsilon < 1 else {
            throw InfluenceError(.usage, parameter: "epsilon", "ε must lie strictly between 0 and 1 (got \(epsilon); e.g. 0.1)")
        }
    }
}
