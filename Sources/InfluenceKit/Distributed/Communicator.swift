/// The ranks of a run and the few collective operations the distributed algorithms need: sums
/// and maxima of integer vectors, and gathering bytes in rank order.
///
/// Every rank calls the same operations in the same order (each is collective). The engine keeps
/// all reductions on integers (RR-set counts, coverages, Monte Carlo block totals gathered and
/// merged in block order), so a run on R ranks gives bit for bit what one process gives.
///
/// `SingleProcessCommunicator` (one rank, every operation the identity) is what every
/// single-process run uses; with the package's `MPI` trait, `Cluster.launch()` returns Open MPI's
/// world communicator under `mpirun`.
public protocol Communicator: Sendable {
    /// This process's rank, 0-based.
    var rank: Int { get }
    /// The number of ranks.
    var size: Int { get }
    /// Element-wise sum over all ranks, in place (wrapping on overflow, as `&+`).
    /// Complexity: O(count) per rank, plus the exchange (one all-reduce).
    func sum(_ values: inout [UInt32])
    /// Element-wise sum over all ranks, in place.
    /// Complexity: O(count) per rank, plus the exchange (one all-reduce).
    func sum(_ values: inout [Int])
    /// Element-wise maximum over all ranks, in place.
    /// Complexity: O(1) per rank, plus the exchange (one all-reduce).
    func maximum(_ values: inout [Int])
    /// Element-wise minimum over all ranks, in place.
    /// Complexity: O(1) per rank, plus the exchange (one all-reduce).
    func minimum(_ values: inout [Int])
    /// Every rank's `bytes`, indexed by rank.
    /// Complexity: O(total gathered bytes) per rank, plus the exchange.
    func allGather(_ bytes: [UInt8]) -> [[UInt8]]
    /// Bytes of payload this rank has passed to reductions and gathers so far.
    var payloadBytes: Int { get }
    /// The failure the ranks agreed on (see `agree(_:)`), once there was one.
    var agreedFailure: AgreedFailure? { get }
    /// Records the agreed failure (called by `agree`).
    func record(_ failure: AgreedFailure)
    /// Collective: tells every rank whether this one failed and returns whether any did. Every
    /// collective of a distributed communicator starts with the same exchange, so a rank that
    /// failed between two collectives and calls `agree` meets the others in their next one (a
    /// failure thrown on one rank alone then ends every rank with its message, not an MPI error).
    /// Complexity: one reduction of one element.
    func announce(failed: Bool) -> Bool
}

extension Communicator {
    /// Whether any rank failed: one maximum over the ranks (one process: whether it failed).
    /// Complexity: one reduction of one element.
    public func announce(failed: Bool) -> Bool {
        guard isDistributed else { return failed }
        var flag = [failed ? 1 : 0]
        maximum(&flag)
        return flag[0] != 0
    }
}

/// A failure all ranks know of: which rank saw it first (the lowest that failed at that point)
/// and its kind, so every rank exits with the same status while only that rank reports it.
public struct AgreedFailure: Sendable, Equatable {
    /// The lowest rank that failed.
    public let rank: Int
    /// The kind of its failure (every rank exits with the status it implies).
    public let kind: InfluenceError.Kind
}

extension Communicator {
    /// Whether this is a run over several ranks.
    public var isDistributed: Bool { size > 1 }

    /// `value` summed over all ranks. Complexity: one reduction of one element.
    public func sum(_ value: Int) -> Int {
        guard isDistributed else { return value }
        var values = [value]
        sum(&values)
        return values[0]
    }

    /// The largest `value` over all ranks. Complexity: one reduction of one element.
    public func maximum(_ value: Int) -> Int {
        guard isDistributed else { return value }
        var values = [value]
        maximum(&values)
        return values[0]
    }

    /// Every rank's `values`, indexed by rank. Complexity: one gather of 8·count bytes per rank.
    public func allGather(_ values: [Double]) -> [[Double]] {
        guard isDistributed else { return [values] }
        var bytes = [UInt8]()
        bytes.reserveCapacity(values.count * 8)
        for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        return allGather(bytes).map { rankBytes in
            stride(from: 0, to: rankBytes.count, by: 8).map { offset in
                var bits: UInt64 = 0
                for i in 0..<8 { bits |= UInt64(rankBytes[offset + i]) << (8 * UInt64(i)) }
                return Double(bitPattern: bits)
            }
        }
    }

    /// Collective: every rank passes what it saw at this point of the run (nil: nothing wrong).
    /// When some rank failed, every rank throws: the lowest failing rank its own `error`, the
    /// others an error of the same kind naming that rank (parameter `peerFailure`), so each
    /// ends cleanly and only one message is printed. A rank-local failure (a file one rank could
    /// not read, a memory estimate over one rank's limit) must pass through here, never be thrown
    /// alone, or the other ranks would wait for it in their next collective.
    ///
    /// - Complexity: one reduction of one element.
    public func agree(_ error: InfluenceError?) throws(InfluenceError) {
        guard isDistributed else {
            if let error { throw error }
            return
        }
        guard announce(failed: error != nil) else { return }
        let failure = agreeOnFailure(error)
        if failure.rank == rank, let error { throw error }
        throw InfluenceError(failure.kind, parameter: "peerFailure", "rank \(failure.rank) stopped the run")
    }
}

extension Communicator {
    /// Collective, after `announce` said some rank failed: the lowest failing rank and its kind,
    /// recorded. Complexity: one reduction of one element.
    @discardableResult
    func agreeOnFailure(_ error: InfluenceError?) -> AgreedFailure {
        let kinds: [InfluenceError.Kind] = [.usage, .data, .io, .resource]
        let mine = error.map { rank * 4 + (kinds.firstIndex(of: $0.kind) ?? 1) } ?? Int.max
        var values = [mine]
        minimum(&values)
        let failure = values[0] == Int.max ? AgreedFailure(rank: 0, kind: .data) : AgreedFailure(rank: values[0] / 4, kind: kinds[values[0] % 4])
        record(failure)
        return failure
    }
}

/// One process, one rank: reductions and gathers return their input.
public struct SingleProcessCommunicator: Communicator {
    /// The communicator of a run in one process. Complexity: O(1).
    public init() {}
    public var rank: Int { 0 }
    public var size: Int { 1 }
    public func sum(_ values: inout [UInt32]) {}
    public func sum(_ values: inout [Int]) {}
    public func maximum(_ values: inout [Int]) {}
    public func minimum(_ values: inout [Int]) {}
    public func allGather(_ bytes: [UInt8]) -> [[UInt8]] { [bytes] }
    public var payloadBytes: Int { 0 }
    public var agreedFailure: AgreedFailure? { nil }
    public func record(_ failure: AgreedFailure) {}
}
