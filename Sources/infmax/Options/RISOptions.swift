import ArgumentParser
import InfluenceKit

extension RRSamplingMethod: ExpressibleByArgument {}

/// The options of the RIS algorithms (IMM, OPIM-C): `seeds` and `compare` share them.
typealias RISOptions = RISOptionGroup<SeedSelectionRIS>

/// The same options for `cim`: ε below ½ (its target ratio is ½ − ε), δ over P, no `--ell`.
typealias CapacityRISOptions = RISOptionGroup<CapacityRIS>

/// What differs between the commands that take the RIS options: ε's range, the help texts and
/// whether IMM's `--ell` applies. Flag names and defaults are the group's, for every command.
protocol RISFlavor {
    /// ε must lie strictly between 0 and this.
    static var epsilonLimit: Double { get }
    /// Help of `--epsilon`, `--delta`, `--precision` and `--sampling`.
    static var epsilonHelp: String { get }
    static var deltaHelp: String { get }
    static var precisionHelp: String { get }
    static var samplingHelp: String { get }
    /// Whether `--ell` (IMM's ℓ) is one of the command's flags (listed in its help).
    static var takesEll: Bool { get }
    /// Default of `--precision`.
    static var defaultPrecision: Double { get }
}

/// `seeds` and `compare`: the target ratio is 1 − 1/e − ε; IMM takes `--ell`, OPIM-C `--delta`.
enum SeedSelectionRIS: RISFlavor {
    static let epsilonLimit = 1.0
    static let epsilonHelp = "ε of the target ratio 1 − 1/e − ε, strictly between 0 and 1."
    static let deltaHelp = "Failure probability δ of OPIM-C (default 1/n)."
    static let precisionHelp = "OPIM-C precision refinement: once the ratio is reached, keep growing the selection sets until greedy's choice error Σ√cᵢ/Σcᵢ (cᵢ: each seed's marginal coverage; the noise of its choices relative to the coverage they reach, so about √(k/coverage)) is at most this and the expected spread its choices lost to their runners-up is at most a tenth of it (0.5% at the default), never beyond the paper's θmax nor beyond the sets IMM would draw; 0 stops as soon as the ratio is reached, as in the paper."
    static let samplingHelp = "How IC in-arcs are drawn: subset (geometric skips and buckets, SUBSIM) or plain (one coin per arc); same distribution."
    static let takesEll = true
    static let defaultPrecision = RISParameters.defaultPrecision
}

/// `cim`: the target ratio is ½ − ε, δ defaults to 1/n_P; there is no IMM, so no `--ell`.
enum CapacityRIS: RISFlavor {
    static let epsilonLimit = 0.5
    static let epsilonHelp = "ε of the target ratio ½ − ε, strictly between 0 and 0.5."
    static let deltaHelp = "Failure probability δ (default 1/n_P)."
    static let precisionHelp = "Precision refinement: once the ratio is reached, grow the selection sets until they estimate the union's spread with this relative standard error, never beyond θmax nor beyond the sets IMM would draw; 0 stops as soon as the ratio is reached, as in the paper."
    static let samplingHelp = "How IC in-arcs are drawn: subset (SUBSIM) or plain (one coin per arc); same distribution."
    static let takesEll = false
    static let defaultPrecision = CapacityConstrainedIM.Configuration.defaultPrecision
}

/// `--epsilon`, `--delta`, `--ell`, `--precision` and `--sampling`, with the command's `Flavor`.
struct RISOptionGroup<Flavor: RISFlavor>: ParsableArguments {
    @Option(help: ArgumentHelp(Flavor.epsilonHelp, valueName: "E"))
    var epsilon: Double = 0.1

    @Option(help: ArgumentHelp(Flavor.deltaHelp, valueName: "D"))
    var delta: Double?

    @Option(help: ArgumentHelp("IMM's ℓ: failure probability n^−ℓ (OPIM-C takes --delta instead).", valueName: "L",
                               visibility: Flavor.takesEll ? .default : .private))
    var ell: Double = 1

    @Option(help: ArgumentHelp(Flavor.precisionHelp, valueName: "R"))
    var precision: Double = Flavor.defaultPrecision

    @Option(help: ArgumentHelp(Flavor.samplingHelp))
    var sampling: RRSamplingMethod = .subset

    func validate() throws {
        // The library's check and message, with the flag in front.
        do { try ParameterCheck.epsilon(epsilon, below: Flavor.epsilonLimit) } catch { throw ValidationError("--epsilon: \(error.message)") }
        if let delta, !(delta > 0 && delta < 1) { throw ValidationError("--delta must lie strictly between 0 and 1 (got \(delta))") }
        if !Flavor.takesEll, ell != 1 { throw ValidationError("--ell is IMM's ℓ; this command's failure probability is --delta") }
        if !(ell > 0) { throw ValidationError("--ell must be positive (got \(ell))") }
        if !(precision >= 0 && precision < 1) { throw ValidationError("--precision must be 0 (off) or a precision below 1 (got \(precision); e.g. --precision \(Flavor.defaultPrecision))") }
    }

    /// The refinement precision asked for (nil for `--precision 0`).
    var refinementPrecision: Double? { precision > 0 ? precision : nil }

    /// The library's parameters, with the memory limit of `--max-memory` (a graph option, since
    /// every command that loads a graph takes it).
    func parameters(memoryLimitBytes: Int) -> RISParameters {
        RISParameters(epsilon: epsilon, delta: delta, ell: ell, precision: refinementPrecision,
                      sampling: sampling, memoryLimitBytes: memoryLimitBytes)
    }
}

/// `--json`, `--quiet` and `--progress`: how a command reports. Every command takes them.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print the result as JSON on standard output (the record, where the command writes one).")
    var json = false

    @Flag(help: "No progress, notes or warnings on standard error (errors still print).")
    var quiet = false

    @Flag(help: "Progress as plain timestamped lines on standard error, for logs (also INFMAX_PROGRESS=1); a terminal gets one redrawn line without it.")
    var progress = false

    func validate() throws {
        if quiet && progress { throw ValidationError("--quiet and --progress contradict each other; give one") }
        ProgressMode.current = mode
    }

    /// The progress mode these flags and the environment ask for.
    var mode: ProgressMode { ProgressMode.resolve(quiet: quiet, lines: progress) }

    /// A progress reporter for the mode asked for, printing notes unless quiet.
    var progressReporter: TerminalProgress { TerminalProgress(mode: mode, showsNotes: !quiet) }
}
