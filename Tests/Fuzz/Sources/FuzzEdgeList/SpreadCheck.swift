import InfluenceKit

/// Runs the diffusion code on small parsed graphs, so a graph the builder accepts but the models
/// mishandle shows up: the exact spread when it is cheap, and a few Monte Carlo runs.
enum SpreadCheck {
    /// Most arcs for the exact spread (2^10 live-edge worlds at most).
    static let exactArcLimit = 10
    /// Most arcs for the Monte Carlo runs.
    static let simulationArcLimit = 4096

    /// Checks node 0's spread on `graph`; a spread outside [1, n] stops the run (a finding).
    static func run(_ graph: InfluenceGraph) {
        guard graph.nodeCount > 0, graph.arcCount <= simulationArcLimit else { return }
        let scheme: ProbabilityScheme = graph.arcValues != nil ? .file : .weightedCascade
        do throws(InfluenceError) {
            let model = try IndependentCascade(graph: graph, probabilities: scheme)
            let n = Double(graph.nodeCount)
            if graph.arcCount <= exactArcLimit {
                let exact = try ExactSpread.spread(of: [0], under: model)
                precondition(exact >= 1 - 1e-9 && exact <= n + 1e-9, "SpreadCheck.swift: exact spread \(exact) outside [1, \(n)]")
            }
            let simulator = try MonteCarloSimulator(model: model, configuration: .init(runs: 8, seed: 1, threads: 1))
            let estimate = try simulator.estimate(seeds: [0])
            precondition(estimate.mean >= 1 && estimate.mean <= n, "SpreadCheck.swift: simulated spread \(estimate.mean) outside [1, \(n)]")
        } catch {
            // A model the graph cannot bind (e.g. values outside what the scheme allows) is a
            // thrown, expected result.
        }
    }
}
