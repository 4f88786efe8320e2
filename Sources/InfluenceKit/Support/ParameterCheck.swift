/// Checks of values several requests share, with their message written once. The front ends call
/// them too (the CLI at parse time, naming its flag in front of the same message).
public enum ParameterCheck {
    /// ε strictly between 0 and `limit` (1 for IMM, OPIM-C and PSNA's stopping rule; 0.5 for
    /// the capacity-constrained ratio ½ − ε); `example` is a sensible value to suggest.
    ///
    /// - Throws: `InfluenceError(.usage, parameter: "epsilon")`.
    /// - Complexity: O(1).
    public static func epsilon(_ value: Double, below limit: Double = 1, example: String = "0.1") throws(InfluenceError) {
        guard value > 0, value < limit else {
            throw InfluenceError(.usage, parameter: .epsilon,
                                 "ε must lie strictly between 0 and \(limit == 1 ? "1" : String(limit)) (got \(value); e.g. \(example))")
        }
    }
}
