extension MonteCarloSimulator {
    /// The `count` nodes of highest value in `probabilities`, highest first, ties by smaller id.
    ///
    /// Complexity: O(n log n).
    public static func topNodes(_ probabilities: [Double], count: Int) -> [Int] {
        let order = probabilities.indices.sorted {
            probabilities[$0] != probabilities[$1] ? probabilities[$0] > probabilities[$1] : $0 < $1
        }
        return Array(order.prefix(Swift.max(0, count)))
    }
}
