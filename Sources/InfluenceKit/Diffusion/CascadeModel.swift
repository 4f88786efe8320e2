/// A progressive diffusion model that the Monte Carlo kernel is specialised on at compile time.
///
/// The simulator is generic over `Model: CascadeModel` and calls `Model.cascade(...)` once per run;
/// each conforming type is an empty enum whose `cascade` is a tight loop over the forward CSR, so
/// the compiler produces one kernel per model with no dynamic dispatch per arc.
///
/// See Kempe, Kleinberg, Tardos, "Maximizing the spread of influence through a social network",
/// KDD 2003, https://doi.org/10.1145/956750.956769 (both models and their live-edge views).
public protocol CascadeModel {
    /// The command-line name of the model.
    static var kind: DiffusionModelKind { get }

    /// Runs one cascade from `seeds` and returns how many nodes ended active and how many arcs
    /// the kernel examined. The active nodes are `scratch.queue[0..<outcome.activated]`, seeds
    /// first (duplicates removed), then in order of activation.
    ///
    /// - Parameters:
    ///   - seeds: dense node ids, each below `arcs.nodeCount`.
    ///   - maxSteps: the number of rounds after the seeds (`Int.max`: until nothing changes).
    ///   - randomness: the run's coins and thresholds (one live-edge world per run).
    /// - Complexity: O(|S| + Σ out-degree of the activated nodes).
    static func cascade(from seeds: UnsafeBufferPointer<UInt32>, arcs: CascadeArcs, scratch: CascadeScratch,
                        maxSteps: Int, randomness: RunRandomness) -> CascadeOutcome
}

/// What one simulated cascade produced.
public struct CascadeOutcome: Sendable, Equatable {
    /// Number of active nodes at the end (seeds included).
    public var activated: Int
    /// Number of out-arcs of activated nodes the kernel looked at.
    public var arcsExamined: Int

    public init(activated: Int, arcsExamined: Int) {
        self.activated = activated
        self.arcsExamined = arcsExamined
    }
}
