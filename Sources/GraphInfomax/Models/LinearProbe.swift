import InfluenceKit

/// The linear evaluation protocol of DGI (Veličković et al. 2019, §4.3): a multinomial logistic
/// regression on frozen embeddings, trained on the train nodes by Adam (learning rate 0.01, no
/// weight decay) for 100 full-batch epochs from a Glorot start, scored by accuracy on the test
/// nodes; repeated over `restarts` initialisations and summarised as mean ± sample standard
/// deviation.
public struct LinearProbe: Sendable {
    public struct Configuration: Sendable, Codable, Equatable {
        public var restarts: Int
        public var epochs: Int
        public var learningRate: Double
        public var weightDecay: Double
        public var seed: UInt64
        /// Worker threads over the restarts (default 1). Each restart draws its start from its own
        /// stream of `seed`, so the report is the same for any thread count.
        public var threads: Int

        public init(restarts: Int = 50, epochs: Int = 100, learningRate: Double = 0.01, weightDecay: Double = 0, seed: UInt64 = 1,
                    threads: Int = 1) {
            self.restarts = restarts
            self.epochs = epochs
            self.learningRate = learningRate
            self.weightDecay = weightDecay
            self.seed = seed
            self.threads = threads
        }
    }

    /// The probe's result: accuracies in percent.
    public struct Report: Sendable, Codable, Equatable {
        public var mean: Double
        public var sd: Double
        public var accuracies: [Double]
        public var restarts: Int
        public var trainNodes: Int
        public var testNodes: Int
        public var classes: Int
        public var dimensions: Int
    }

    public let configuration: Configuration

    public init(configuration: Configuration = Configuration()) { self.configuration = configuration }

    /// Runs the protocol. `classes[row]` is the class of each embedding row (negative: none).
    /// The model has one output per class present in the splits (the report's `classes`).
    /// `restartDone` is called after each restart (for progress), from the worker that ran it.
    /// Restarts run on `configuration.threads` workers; cancelled restarts (the use case's
    /// `CancellationFlag`) are skipped and the caller discards the report.
    ///
    /// - Throws: `InfluenceError(.usage)` for a split naming an unlabelled row, an empty split or
    ///   a bad configuration.
    /// - Complexity: restarts · epochs · O(|train| · d · C), plus O(|test| · d · C) per restart.
    public func evaluate(embeddings: Matrix<Float>, classes: [Int], train: [Int], test: [Int],
                         restartDone: @Sendable (_ worker: Int) -> Void = { _ in }) throws(InfluenceError) -> Report {
        let c = configuration
        guard c.restarts >= 1 else { throw InfluenceError(.usage, parameter: "restarts", "restarts = \(c.restarts) (expected at least 1)") }
        guard c.epochs >= 1 else { throw InfluenceError(.usage, parameter: "epochs", "epochs = \(c.epochs) (expected at least 1)") }
        try Parallel.checkThreadCount(c.threads)
        precondition(classes.count == embeddings.rows)
        for (name, rows) in [("train", train), ("test", test)] {
            guard !rows.isEmpty else { throw InfluenceError(.usage, parameter: ParameterKey(rawValue: name), "the \(name) split is empty") }
            if let bad = rows.first(where: { classes[$0] < 0 }) {
                throw InfluenceError(.data, parameter: ParameterKey(rawValue: name), "node on row \(bad) of the \(name) split has no label (expected a class for every split node)")
            }
        }
        // The classes present in the splits, renumbered 0..<C in increasing order: the model is
        // sized by the labels there are, never by the largest label (one class 1048575 is one class).
        let present = Array(Set((train + test).map { classes[$0] })).sorted()
        var number: [Int: Int] = [:]
        for (k, label) in present.enumerated() { number[label] = k }
        let classCount = present.count
        let d = embeddings.columns
        let xTrain = Self.gather(embeddings, train), xTest = Self.gather(embeddings, test)
        let yTrain = train.map { number[classes[$0]]! }, yTest = test.map { number[classes[$0]]! }
        // One slot per restart, written by whichever worker ran it: the order of the accuracies,
        // and so the report, does not depend on the thread count.
        var accuracies = [Double](repeating: 0, count: c.restarts)
        accuracies.withUnsafeMutableBufferPointer { slots in
            let out = UnsafeSharing(slots)
            Parallel.forEachTask(c.restarts, workers: c.threads, cancellable: true) { worker, restart in
                out.value[restart] = Self.restart(restart, configuration: c, xTrain: xTrain, yTrain: yTrain, xTest: xTest, yTest: yTest,
                                                  classCount: classCount)
                restartDone(worker)
            }
        }
        let mean = accuracies.reduce(0, +) / Double(accuracies.count)
        let variance = accuracies.count > 1 ? accuracies.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(accuracies.count - 1) : 0
        return Report(mean: mean, sd: variance.squareRoot(), accuracies: accuracies, restarts: c.restarts,
                      trainNodes: train.count, testNodes: test.count, classes: classCount, dimensions: d)
    }

    /// Trains one restart from its own Glorot start and returns its test accuracy in percent.
    /// Complexity: epochs · O(|train| · d · C) + O(|test| · d · C).
    static func restart(_ restart: Int, configuration c: Configuration, xTrain: Matrix<Float>, yTrain: [Int], xTest: Matrix<Float>,
                        yTest: [Int], classCount: Int) -> Double {
        let d = xTrain.columns
        var w: Matrix<Float> = Glorot.uniform(rows: d, columns: classCount, seed: c.seed, stream: 0x5052_4F42_0000_0000 | UInt64(restart))
        var b = [Float](repeating: 0, count: classCount)
        var flat = w.values + b
        var adam = Adam<Float>(parameterCount: flat.count, learningRate: Float(c.learningRate), weightDecay: Float(c.weightDecay))
        for _ in 0..<c.epochs {
            let (_, dw, db) = crossEntropy(xTrain, yTrain, weight: w, bias: b)
            adam.update(&flat, gradient: dw.values + db)
            w = Matrix(rows: d, columns: classCount, values: Array(flat[0..<d * classCount]))
            b = Array(flat[(d * classCount)...])
        }
        let logits = logits(xTest, weight: w, bias: b)
        var correct = 0
        for i in 0..<yTest.count {
            var best = 0
            for k in 1..<classCount where logits[i, k] > logits[i, best] { best = k }
            if best == yTest[i] { correct += 1 }
        }
        return 100 * Double(correct) / Double(yTest.count)
    }

    static func gather(_ m: Matrix<Float>, _ rows: [Int]) -> Matrix<Float> {
        var out = Matrix<Float>(rows: rows.count, columns: m.columns)
        let d = m.columns
        for (i, r) in rows.enumerated() { for j in 0..<d { out.values[i * d + j] = m.values[r * d + j] } }
        return out
    }

    static func logits<T: TrainingScalar>(_ x: Matrix<T>, weight: Matrix<T>, bias: [T]) -> Matrix<T> {
        var z = DenseProduct.product(x, weight)
        let c = z.columns
        for i in 0..<z.rows { for k in 0..<c { z.values[i * c + k] += bias[k] } }
        return z
    }

    /// Mean softmax cross-entropy of `x · W + b` against `y`, and its gradients in W and b.
    public static func crossEntropy<T: TrainingScalar>(_ x: Matrix<T>, _ y: [Int], weight: Matrix<T>, bias: [T]) -> (loss: T, weight: Matrix<T>, bias: [T]) {
        var z = logits(x, weight: weight, bias: bias)
        let n = x.rows, c = z.columns
        var loss: T = 0
        for i in 0..<n {
            let row = Array(z.values[i * c ..< (i + 1) * c])
            let lse = Activations.logSumExp(row)
            loss += lse - row[y[i]]
            for k in 0..<c { z.values[i * c + k] = (T.exponential(row[k] - lse) - (k == y[i] ? 1 : 0)) / T(n) }
        }
        var db = [T](repeating: 0, count: c)
        for i in 0..<n { for k in 0..<c { db[k] += z.values[i * c + k] } }
        return (loss / T(n), DenseProduct.transposedProduct(x, z), db)
    }
}
