import ArgumentParser
import InfluenceKit

/// The ranks of this process's run: one process, or Open MPI's world under `mpirun` (a build
/// with the MPI trait). `InfMax.main` sets it before any command runs; `seeds` and `simulate`
/// spread their work over it, print only on rank 0, and route every rank-local failure through
/// an agreement so that one rank reports it and every rank exits.
enum Ranks {
    nonisolated(unsafe) static var communicator: any Communicator = SingleProcessCommunicator()

    /// Whether several ranks run this command.
    static var isDistributed: Bool { communicator.isDistributed }

    /// Whether this rank prints the command's output (rank 0).
    static var prints: Bool { communicator.rank == 0 }

    /// `progress` on rank 0; nothing on the others (one progress line per run).
    static func progress(_ progress: any ProgressReporter) -> any ProgressReporter {
        prints ? progress : SilentProgress()
    }

    /// Runs `body` on every rank and agrees on its outcome: when it failed on some rank, every
    /// rank throws (the lowest failing rank its own error, the others a silent peer failure).
    /// In one process this is `body()`. Use it for steps whose failure can differ between ranks
    /// (reading files, preparing outputs).
    static func agreeing<T>(_ body: () throws -> T) throws -> T {
        var result: T?
        var failure: InfluenceError?
        var original: Error?
        do { result = try body() } catch let error as InfluenceError { failure = error } catch {
            original = error
            failure = InfluenceError(error is ValidationError ? .usage : .data, InfMax.message(for: error))
        }
        guard isDistributed else {
            if let original { throw original }
            if let failure { throw failure }
            return result!
        }
        try communicator.agree(failure)
        return result!
    }

    /// Collective: fails on every rank unless all ranks run the same command on the same graph
    /// (`fingerprint` describes both; ranks may differ in their limits and thread counts).
    static func checkSameRun(_ fingerprint: String) throws {
        guard isDistributed else { return }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in fingerprint.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let mine = Int(bitPattern: UInt(hash >> 1))
        var low = [mine], high = [mine]
        communicator.minimum(&low)
        communicator.maximum(&high)
        var failure: InfluenceError?
        if low[0] != high[0], mine != low[0] || communicator.rank == 0 {
            failure = InfluenceError(.usage, parameter: "mpi",
                                     "rank \(communicator.rank) was started with another command or graph than some other rank (expected every rank to run the same infmax arguments on the same graph)")
        }
        try communicator.agree(failure)
    }
}

/// `reportingErrors` in one process; across ranks the errors go to `InfMax.main`, which agrees
/// on them and has one rank report.
func reportingErrorsOnRanks(_ body: () throws -> Void) throws {
    if Ranks.isDistributed { try body() } else { try reportingErrors(body) }
}

extension InfluenceGraph {
    /// A fingerprint of the topology (node and arc counts and a hash of the reverse CSR's arc
    /// tails, which reverse-only graphs keep too), for checking that every rank loaded the same
    /// graph. Complexity: O(m).
    var topologyFingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        inSources.withUnsafeBufferPointer { targets in
            for t in targets { hash = (hash ^ UInt64(t)) &* 0x100_0000_01b3 }
        }
        return "\(nodeCount) \(arcCount) \(hash)"
    }
}
