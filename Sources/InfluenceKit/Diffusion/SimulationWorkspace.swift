/// Per-worker scratch memory of the cascade kernels, allocated once and reused across runs.
///
/// - `marks`: one epoch stamp per node. Each run takes two fresh values, `touched` (LT: the node
///   has received weight and holds a residual threshold) and `active`; every other value means
///   "untouched in this run", so no clearing is needed between runs.
/// - `queue`: the activated nodes of the run, in activation order (a flat BFS queue).
/// - `residuals`: θ_v minus what was received so far, valid where `marks[v] == touched`.
///
/// A workspace belongs to one worker at a time; it is not shared between threads.
final class SimulationWorkspace: @unchecked Sendable {
    /// Number of nodes the buffers cover.
    let nodeCount: Int
    let marks: UnsafeMutablePointer<UInt32>
    let queue: UnsafeMutablePointer<UInt32>
    let residuals: UnsafeMutablePointer<Double>
    private var epoch: UInt32 = 0

    /// Allocates buffers for a graph of `nodeCount` nodes. Complexity: O(n) time and 16·n bytes.
    init(nodeCount: Int) {
        self.nodeCount = nodeCount
        let capacity = max(1, nodeCount)
        marks = .allocate(capacity: capacity)
        marks.initialize(repeating: 0, count: capacity)
        queue = .allocate(capacity: capacity)
        queue.initialize(repeating: 0, count: capacity)
        residuals = .allocate(capacity: capacity)
        residuals.initialize(repeating: 0, count: capacity)
    }

    deinit {
        marks.deallocate()
        queue.deallocate()
        residuals.deallocate()
    }

    /// Opens a run and returns its scratch: marks equal to `touched` or `active` belong to this
    /// run and to no earlier one. Every 2^31 runs the marks are cleared (O(n)).
    ///
    /// Complexity: amortised O(1).
    func beginRun() -> CascadeScratch {
        if epoch >= UInt32.max - 2 {
            marks.update(repeating: 0, count: max(1, nodeCount))
            epoch = 0
        }
        epoch &+= 2
        return CascadeScratch(marks: marks, queue: queue, residuals: residuals, touched: epoch, active: epoch &+ 1)
    }
}

/// The buffers of one run, as the kernels see them (see `SimulationWorkspace`). Part of the
/// `Kernels` SPI: a `ForwardArcRule` reads and writes them for the run's nodes.
@_spi(Kernels) public struct CascadeScratch {
    /// Epoch stamps, one per node: `active`, `touched`, or anything else for "untouched in this run".
    public let marks: UnsafeMutablePointer<UInt32>
    /// The activated nodes, in activation order; the kernel returns how many.
    let queue: UnsafeMutablePointer<UInt32>
    /// Per-node scratch a rule may use, valid where `marks[v] == touched` (LT: residual thresholds).
    public let residuals: UnsafeMutablePointer<Double>
    /// The stamp of a node that a rule has given state in this run but is not active (LT).
    public let touched: UInt32
    /// The stamp of a node active in this run.
    public let active: UInt32
}

/// What one simulated cascade produced.
struct CascadeOutcome {
    /// Number of active nodes at the end (seeds included).
    var activated: Int
    /// Number of out-arcs of activated nodes the kernel looked at.
    var arcsExamined: Int
}
