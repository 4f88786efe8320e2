/// Adam (Kingma & Ba, ICLR 2015, https://arxiv.org/abs/1412.6980) over one flat parameter vector,
/// with bias correction and optional L2 weight decay added to the gradient (as PyTorch's `Adam`).
public struct Adam<T: TrainingScalar>: Sendable {
    public var learningRate: T
    public var beta1: T
    public var beta2: T
    public var epsilon: T
    public var weightDecay: T
    private var m: [T]
    private var v: [T]
    private var step = 0

    public init(parameterCount: Int, learningRate: T, beta1: T = 0.9, beta2: T = 0.999, epsilon: T = 1e-8, weightDecay: T = 0) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        m = [T](repeating: 0, count: parameterCount)
        v = [T](repeating: 0, count: parameterCount)
    }

    /// One update of `parameters` from `gradient` (same length as at creation).
    /// Complexity: O(parameters).
    public mutating func update(_ parameters: inout [T], gradient: [T]) {
        precondition(parameters.count == m.count && gradient.count == m.count)
        step += 1
        let c1 = 1 - pow(beta1, step), c2 = 1 - pow(beta2, step)
        let rate = learningRate / c1
        let b1 = beta1, b2 = beta2, eps = epsilon, wd = weightDecay
        parameters.withUnsafeMutableBufferPointer { p in
            gradient.withUnsafeBufferPointer { g in
                m.withUnsafeMutableBufferPointer { m in
                    v.withUnsafeMutableBufferPointer { v in
                        for i in p.indices {
                            let gi = g[i] + wd * p[i]
                            m[i] = b1 * m[i] + (1 - b1) * gi
                            v[i] = b2 * v[i] + (1 - b2) * gi * gi
                            p[i] -= rate * m[i] / (T.squareRoot(v[i] / c2) + eps)
                        }
                    }
                }
            }
        }
    }

    private func pow(_ x: T, _ n: Int) -> T {
        var r: T = 1
        for _ in 0..<n { r *= x }
        return r
    }
}
