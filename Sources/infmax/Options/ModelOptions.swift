import ArgumentParser
import InfluenceKit

extension DiffusionModelKind: ExpressibleByArgument {}

/// `--model ic|lt`.
struct ModelOptions: ParsableArguments {
    @Option(help: "Diffusion model: ic (independent cascade) or lt (linear threshold).")
    var model: DiffusionModelKind = .ic

    /// The model and scheme the flags name.
    func specification(_ graphOptions: GraphOptions, seed: UInt64) throws(InfluenceError) -> ModelSpecification {
        ModelSpecification(model: model, probabilities: try graphOptions.scheme(seed: seed), normalizeLT: graphOptions.normalizeLT)
    }

    /// Binds the model to the loaded graph with the scheme of `graphOptions`.
    func bind(to graph: InfluenceGraph, _ graphOptions: GraphOptions, seed: UInt64) throws(InfluenceError) -> any DiffusionModel {
        try specification(graphOptions, seed: seed).bind(to: graph)
    }
}

/// `--seed` and `--threads`: reproducibility and parallelism, shared by the commands that run
/// randomised work. The same seed gives the same numbers whatever the thread count.
struct ExecutionOptions: ParsableArguments {
    @Option(help: "Seed of every random choice; the same seed gives the same result for any --threads.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Worker threads (default: all cores).", valueName: "T"))
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 || threads > Parallel.maximumThreads {
            throw ValidationError("--threads takes a count from 1 to \(Parallel.maximumThreads) (e.g. --threads 2; this machine has \(Parallel.processorCount) cores)")
        }
    }

    /// The thread count to use.
    var resolvedThreads: Int { threads ?? Parallel.processorCount }
}
