#if canImport(Glibc)
import Glibc
#endif

/// Where a run's communicator comes from: Open MPI's world under `mpirun` when the package was
/// built with the `MPI` trait, else one process.
public enum Cluster {
    /// Whether this build can run across MPI ranks (`swift build --traits MPI`, `make mpi`).
    public static var supportsMPI: Bool {
        #if MPI
        return true
        #else
        return false
        #endif
    }

    /// The rank count and this process's rank from the launcher's environment (Open MPI's
    /// `OMPI_COMM_WORLD_SIZE`/`RANK`, or PMIx's `PMIX_RANK` with `OMPI_UNIVERSE_SIZE`), or nil
    /// when the process was not started by `mpirun`.
    public static var launchedRanks: (rank: Int, size: Int)? {
        func value(_ name: String) -> Int? { getenv(name).flatMap { Int(String(cString: $0)) } }
        if let size = value("OMPI_COMM_WORLD_SIZE") { return (value("OMPI_COMM_WORLD_RANK") ?? 0, size) }
        if let rank = value("PMIX_RANK") { return (rank, value("OMPI_UNIVERSE_SIZE") ?? 1) }
        return nil
    }

    /// The communicator of this run: MPI's world when built with the trait and started by
    /// `mpirun`, else `SingleProcessCommunicator`. Call once, from the main thread, and pair with
    /// `finish(_:)`.
    ///
    /// - Throws: `.usage` (parameter `mpi`) when `mpirun` started several ranks of a build
    ///   without the MPI trait (each would otherwise run the whole job alone), `.resource` when
    ///   MPI cannot be initialised.
    /// - Complexity: O(1) in one process; MPI's initialisation otherwise.
    public static func launch() throws(InfluenceError) -> any Communicator {
        #if MPI
        return try launchMPI()
        #else
        if let ranks = launchedRanks, ranks.size > 1 {
            throw InfluenceError(.usage, parameter: "mpi",
                                 "mpirun started \(ranks.size) ranks, but this infmax was built without MPI (expected a build with the MPI trait: make mpi, or swift build --traits MPI)")
        }
        return SingleProcessCommunicator()
        #endif
    }

    /// What a rank does when a collective finds that a peer failed (the peer called
    /// `Communicator.agree` with its error while this rank was running on): the failure is
    /// agreed and recorded, then this is called and must end the process (the command line prints
    /// the failing rank's message on rank 0 and exits every rank with its status). Set once, from
    /// the main thread, before the run; nil aborts every rank with a short message.
    nonisolated(unsafe) public static var onPeerFailure: ((AgreedFailure) -> Never)?

    /// Ends the run's MPI use (MPI_Finalize); nothing for one process. Complexity: collective.
    public static func finish(_ communicator: any Communicator) {
        #if MPI
        finishMPI()
        #endif
    }

    /// Open MPI's library version, when this build has MPI and it is initialised.
    public static var libraryVersion: String? {
        #if MPI
        return mpiLibraryVersion
        #else
        return nil
        #endif
    }
}
