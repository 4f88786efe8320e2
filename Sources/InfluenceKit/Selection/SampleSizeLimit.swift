/// The largest RR-set count a bound may ask for. The sample sizes of IMM, OPIM-C and the
/// capacity-constrained variants grow as 1/ε²: a tiny ε (say 10⁻⁹) asks for more sets than an
/// `Int` holds. Such a run could never finish, so it is refused with a usage error naming ε,
/// before any conversion of the bound to an integer could trap.
public enum SampleSizeLimit {
    /// 2^48 sets: at one member of 4 bytes each, a petabyte; far beyond any memory limit.
    public static let maximumSets = Double(1 << 48)

    /// `sets` rounded up to an integer, or a usage error (parameter `epsilon`) when it is not a
    /// finite count of at most `maximumSets`. Complexity: O(1).
    public static func checked(_ sets: Double, epsilon: Double, bound: String) throws(InfluenceError) -> Int {
        guard sets.isFinite, sets <= maximumSets else {
            throw InfluenceError(.usage, parameter: "epsilon",
                "ε = \(epsilon) makes \(bound) \(sets) RR sets (expected a larger ε: the sample size grows as 1/ε², and more than 2^48 sets fit in no memory)")
        }
        return Int(max(0, sets).rounded(.up))
    }
}
