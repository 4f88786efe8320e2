import Foundation
import Synchronization
@testable import InfluenceKit

/// R ranks as R threads of the test process: each collective waits for every rank's part, then
/// every rank combines the parts in rank order. Lets the distributed algorithms run in `make test`
/// without Open MPI.
final class LoopbackGroup: @unchecked Sendable {
    let size: Int
    private let condition = NSCondition()
    private var parts: [Any]
    private var arrived = 0
    private var generation = 0
    private var published: [Any] = []

    init(size: Int) {
        self.size = size
        parts = Array(repeating: 0, count: size)
    }

    /// Every rank's `part`, in rank order, once all ranks have called (collective).
    func exchange(rank: Int, _ part: Any) -> [Any] {
        condition.lock()
        defer { condition.unlock() }
        let mine = generation
        parts[rank] = part
        arrived += 1
        if arrived == size {
            published = parts
            arrived = 0
            generation += 1
            condition.broadcast()
        } else {
            while generation == mine { condition.wait() }
        }
        return published
    }

    /// Runs `body(communicator)` on `size` threads at once and returns the results in rank order.
    func run<T: Sendable>(_ body: @escaping @Sendable (LoopbackCommunicator) throws -> T) -> [Result<T, Error>] {
        let results = Mutex<[Int: Result<T, Error>]>([:])
        let group = DispatchGroup()
        for rank in 0..<size {
            let communicator = LoopbackCommunicator(rank: rank, group: self)
            let thread = Thread {
                let outcome = Result { try body(communicator) }
                results.withLock { $0[rank] = outcome }
                group.leave()
            }
            thread.stackSize = 8 << 20
            group.enter()
            thread.start()
        }
        group.wait()
        return results.withLock { all in (0..<size).map { all[$0]! } }
    }
}

final class LoopbackCommunicator: Communicator, @unchecked Sendable {
    let rank: Int
    let group: LoopbackGroup
    private let state = Mutex<(payload: Int, failure: AgreedFailure?)>((0, nil))

    init(rank: Int, group: LoopbackGroup) {
        self.rank = rank
        self.group = group
    }

    var size: Int { group.size }
    var payloadBytes: Int { state.withLock { $0.payload } }
    var agreedFailure: AgreedFailure? { state.withLock { $0.failure } }
    func record(_ failure: AgreedFailure) { state.withLock { $0.failure = failure } }

    private func combine<T>(_ values: inout [T], width: Int, _ op: (T, T) -> T) {
        state.withLock { $0.payload += values.count * width }
        let all = group.exchange(rank: rank, values).map { $0 as! [T] }
        var result = all[0]
        for part in all.dropFirst() {
            precondition(part.count == result.count, "ranks reduced vectors of different lengths")
            for i in result.indices { result[i] = op(result[i], part[i]) }
        }
        values = result
    }

    func sum(_ values: inout [UInt32]) { combine(&values, width: 4, &+) }
    func sum(_ values: inout [Int]) { combine(&values, width: 8, &+) }
    func maximum(_ values: inout [Int]) { combine(&values, width: 8) { Swift.max($0, $1) } }
    func minimum(_ values: inout [Int]) { combine(&values, width: 8) { Swift.min($0, $1) } }
    func allGather(_ bytes: [UInt8]) -> [[UInt8]] {
        state.withLock { $0.payload += bytes.count }
        return group.exchange(rank: rank, bytes).map { $0 as! [UInt8] }
    }
}
