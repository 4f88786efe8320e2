extension SeedSelection {
    /// Checks the parameters every RIS algorithm shares, with messages that say what to pass.
    ///
    /// Complexity: O(1).
    public static func validate(k: Int, epsilon: Double, nodeCount: Int) throws(InfluenceError) {
        guard k >= 1 else {
            throw InfluenceError(.usage, "--k must be at least 1 (got \(k))")
        }
        guard k <= nodeCount else {
            throw InfluenceError(.usage, "--k \(k) exceeds the graph's \(nodeCount) nodes (expected k ≤ n)")
        }
        guard epsilon > 0, epsilon < 1 else {
            throw InfluenceError(.usage, "--epsilon must lie strictly between 0 and 1 (got \(epsilon); e.g. --epsilon 0.1)")
        }
    }
}
