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
        try ParameterCheck.epsilon(epsilon)
    }
}
