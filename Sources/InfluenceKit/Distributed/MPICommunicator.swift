#if MPI
import CMPIShim
import CSupport
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Open MPI's world communicator (the `MPI` trait only). Collectives are called from the main
/// thread only (MPI_THREAD_FUNNELED); a failing MPI call is beyond recovery here (a rank died or
/// the launch is broken), so it reports on standard error and aborts every rank.
final class MPICommunicator: Communicator {
    let rank: Int
    let size: Int
    private let state = Mutex<(payload: Int, failure: AgreedFailure?)>((0, nil))

    /// The world communicator; MPI must be initialised. Complexity: O(1).
    init() {
        rank = Int(ikmpi_rank())
        size = Int(ikmpi_size())
    }

    var payloadBytes: Int { state.withLock { $0.payload } }
    var agreedFailure: AgreedFailure? { state.withLock { $0.failure } }
    func record(_ failure: AgreedFailure) { state.withLock { $0.failure = failure } }

    private func count(_ bytes: Int) { state.withLock { $0.payload += bytes } }

    /// Whether this rank is inside the ending after a peer's failure (no more status exchanges:
    /// the ending's collectives are the same on every rank).
    private let ending = Atomic<Bool>(false)

    func announce(failed: Bool) -> Bool {
        guard !ending.load(ordering: .relaxed) else { return failed }
        var flag: [Int64] = [failed ? 1 : 0]
        let code = flag.withUnsafeMutableBufferPointer { ikmpi_allreduce_max_i64($0.baseAddress, 1) }
        check(code, "all-reduce")
        if flag[0] != 0 { ending.store(true, ordering: .relaxed) }
        return flag[0] != 0
    }

    /// The status exchange that starts every collective: when a peer failed (it is in `agree`),
    /// this rank joins the agreement and hands the process to `Cluster.onPeerFailure`, which ends
    /// it; without one, every rank is aborted with a message.
    private func joinPeerFailureIfAny() {
        guard announce(failed: false) else { return }
        let failure = agreeOnFailure(nil)
        if let handler = Cluster.onPeerFailure { handler(failure) }
        fputs("error: rank \(failure.rank) failed; ending every rank\n", ik_stderr())
        ikmpi_abort(1)
    }

    private func check(_ code: Int32, _ what: String) {
        guard code != 0 else { return }
        fputs("error: rank \(rank): MPI \(what) failed (code \(code)); ending every rank\n", ik_stderr())
        ikmpi_abort(1)
    }

    func sum(_ values: inout [UInt32]) {
        joinPeerFailureIfAny()
        count(values.count * 4)
        let n = Int64(values.count)
        let code = values.withUnsafeMutableBufferPointer { ikmpi_allreduce_sum_u32($0.baseAddress, n) }
        check(code, "all-reduce")
    }

    func sum(_ values: inout [Int]) {
        joinPeerFailureIfAny()
        count(values.count * 8)
        let n = Int64(values.count)
        let code = values.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: Int64.self) { ikmpi_allreduce_sum_i64($0.baseAddress, n) }
        }
        check(code, "all-reduce")
    }

    func maximum(_ values: inout [Int]) {
        joinPeerFailureIfAny()
        count(values.count * 8)
        let n = Int64(values.count)
        let code = values.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: Int64.self) { ikmpi_allreduce_max_i64($0.baseAddress, n) }
        }
        check(code, "all-reduce")
    }

    func minimum(_ values: inout [Int]) {
        joinPeerFailureIfAny()
        count(values.count * 8)
        let n = Int64(values.count)
        let code = values.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: Int64.self) { ikmpi_allreduce_min_i64($0.baseAddress, n) }
        }
        check(code, "all-reduce")
    }

    func allGather(_ bytes: [UInt8]) -> [[UInt8]] {
        joinPeerFailureIfAny()
        var counts = [Int](repeating: 0, count: size)
        counts[rank] = bytes.count
        sum(&counts)
        count(bytes.count)
        let total = counts.reduce(0, +)
        var received = [UInt8](repeating: 0, count: max(1, total))
        let code = bytes.withUnsafeBytes { send in
            received.withUnsafeMutableBytes { receive in
                counts.withUnsafeBufferPointer { countBuffer in
                    countBuffer.withMemoryRebound(to: Int64.self) {
                        ikmpi_allgatherv_bytes(send.baseAddress, Int64(bytes.count), receive.baseAddress, $0.baseAddress)
                    }
                }
            }
        }
        check(code, "all-gather")
        var parts = [[UInt8]]()
        var offset = 0
        for c in counts {
            parts.append(Array(received[offset..<(offset + c)]))
            offset += c
        }
        return parts
    }
}

extension Cluster {
    /// Initialises MPI when this process was started by `mpirun` (Open MPI's or a PMIx launcher's
    /// environment), else a single process.
    static func launchMPI() throws(InfluenceError) -> any Communicator {
        guard launchedRanks != nil else { return SingleProcessCommunicator() }
        guard ikmpi_init() == 0 else {
            throw InfluenceError(.resource, parameter: "mpi", "MPI_Init failed (expected a working Open MPI launch: mpirun -np R infmax …)")
        }
        return MPICommunicator()
    }

    static func finishMPI() {
        if ikmpi_is_active() != 0 { _ = ikmpi_finalize() }
    }

    static var mpiLibraryVersion: String? {
        var text = [CChar](repeating: 0, count: 256)
        guard ikmpi_library_version(&text, 256) == 0 else { return nil }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
#endif
