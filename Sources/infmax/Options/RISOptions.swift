import ArgumentParser
import InfluenceKit

extension RRSamplingMethod: ExpressibleByArgument {}

/// The options of the RIS algorithms (IMM, OPIM-C): `seeds` and `compare` share them.
struct RISOptions: ParsableArguments {
    @Option(help: ArgumentHelp("ε of the target ratio 1 − 1/e − ε, strictly between 0 and 1.", valueName: "E"))
    var epsilon: Double = 0.1

    @Option(help: ArgumentHelp("Failure probability δ of OPIM-C (default 1/n).", valueName: "D"))
    var delta: Double?

    @Option(help: ArgumentHelp("IMM's ℓ: failure probability n^−ℓ (OPIM-C takes --delta instead).", valueName: "L"))
    var ell: Double = 1

    @Option(help: ArgumentHelp("OPIM-C precision refinement: once the ratio is reached, keep growing the selection sets until they estimate the seeds' spread with this relative standard error, never beyond the paper's θmax nor beyond the sets IMM would draw; 0 stops as soon as the ratio is reached, as in the paper.", valueName: "R"))
    var precision: Double = RISParameters.defaultPrecision

    @Option(help: "How IC in-arcs are drawn: subset (geometric skips and buckets, SUBSIM) or plain (one coin per arc); same distribution.")
    var sampling: RRSamplingMethod = .subset

    func validate() throws {
        if !(epsilon > 0 && epsilon < 1) { throw ValidationError("--epsilon must lie strictly between 0 and 1 (got \(epsilon); e.g. --epsilon 0.1)") }
        if let delta, !(delta > 0 && delta < 1) { throw ValidationError("--delta must lie strictly between 0 and 1 (got \(delta))") }
        if !(ell > 0) { throw ValidationError("--ell must be positive (got \(ell))") }
        if !(precision >= 0 && precision < 1) { throw ValidationError("--precision must be 0 (off) or a relative standard error below 1 (got \(precision); e.g. --precision 0.004)") }
    }

    /// The library's parameters, with the memory limit of `--max-memory` (a graph option, since
    /// every command that loads a graph takes it).
    func parameters(memoryLimitBytes: Int) -> RISParameters {
        RISParameters(epsilon: epsilon, delta: delta, ell: ell, precision: precision > 0 ? precision : nil,
                      sampling: sampling, memoryLimitBytes: memoryLimitBytes)
    }
}

/// `--json` and `--quiet`: how a command reports.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print the report as JSON.")
    var json = false

    @Flag(help: "No progress lines or notes on standard error.")
    var quiet = false

    /// A progress reporter drawing on standard error when it is a terminal, printing notes unless quiet.
    var progress: TerminalProgress { TerminalProgress(showsProgress: StandardError.isTerminal && !quiet, showsNotes: !quiet) }
}
