/// A request that names a diffusion model by its three fields; the specification that binds it
/// comes with the conformance.
public protocol ModelFields {
    /// The diffusion model.
    var model: DiffusionModelKind { get set }
    /// The probability scheme.
    var probabilities: ProbabilityScheme { get set }
    /// LT with `file` weights: rescale in-weights that sum above 1.
    var normalizeLT: Bool { get set }
}

extension ModelFields {
    /// The model as a specification that binds it. Complexity: O(1).
    public var modelSpecification: ModelSpecification {
        get { ModelSpecification(model: model, probabilities: probabilities, normalizeLT: normalizeLT) }
        set { model = newValue.model; probabilities = newValue.probabilities; normalizeLT = newValue.normalizeLT }
    }
}

/// A request that carries the parameters of the RIS algorithms as its own fields; the
/// `RISParameters` they make come with the conformance.
public protocol RISFields {
    /// ε of the target ratio.
    var epsilon: Double { get set }
    /// OPIM-C's δ (nil: 1/n).
    var delta: Double? { get set }
    /// IMM's ℓ.
    var ell: Double { get set }
    /// OPIM-C's precision refinement (nil: the paper's stopping rule).
    var precision: Double? { get set }
    /// IC in-arc drawing.
    var sampling: RRSamplingMethod { get set }
    /// Memory limit of the RR-set pools.
    var memoryLimitBytes: Int { get set }
}

extension RISFields {
    /// The RIS parameters of the request. Complexity: O(1).
    public var ris: RISParameters {
        get {
            RISParameters(epsilon: epsilon, delta: delta, ell: ell, precision: precision, sampling: sampling,
                          memoryLimitBytes: memoryLimitBytes)
        }
        set {
            epsilon = newValue.epsilon; delta = newValue.delta; ell = newValue.ell; precision = newValue.precision
            sampling = newValue.sampling; memoryLimitBytes = newValue.memoryLimitBytes
        }
    }
}
