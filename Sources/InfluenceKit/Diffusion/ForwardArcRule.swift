import CSupport

/// One diffusion model's forward step: whether an out-arc of a newly active node activates its
/// head in this run. `LevelCascade` drives every model's rule through the same level-by-level BFS,
/// specialised per rule at compile time (for rules defined in InfluenceKit; a rule from another
/// module runs through the same driver unspecialised).
///
/// A run is one fixed world: a rule must draw its randomness from `randomness` (a pure function of
/// the run and the arc or node), never from state shared across calls, so results do not depend
/// on the order arcs are visited or on the thread count.
///
/// Part of the `Kernels` SPI (`@_spi(Kernels) import InfluenceKit`): a model hands its rule to
/// `ForwardWork.run(rule:)` in its `runForward(_:)`.
@_spi(Kernels) public protocol ForwardArcRule {
    /// What the rule reads per arc (IC: a `CoinThreshold`, LT: a weight).
    associatedtype ArcValue
    /// The per-arc values the rule reads, indexed by forward arc (prefetched ahead with the arc
    /// targets; a rule with none may point at any valid address).
    var arcValues: UnsafePointer<ArcValue> { get }

    /// Arc `arc` of the forward CSR, out of a node that just became active: when its head
    /// `targets[arc]` (not already marked `scratch.active`) becomes active now, the rule calls
    /// `scratch.activate(_:tail:)` on it, passing `tail` through. The rule may keep per-run state
    /// of the head in `scratch` (LT: received weight, marked `touched`).
    ///
    /// Complexity: O(1) expected; it runs once per out-arc of every activated node.
    func visit(arc: Int, targets: UnsafePointer<UInt32>, scratch: CascadeScratch, randomness: RunRandomness, tail: inout Int)
}

extension CascadeScratch {
    /// Marks `node` active and appends it to the queue (a rule calls it once per newly active
    /// head). Complexity: O(1).
    @inline(__always)
    public func activate(_ node: Int, tail: inout Int) {
        marks[node] = active
        queue[tail] = UInt32(truncatingIfNeeded: node)
        tail &+= 1
    }
}

/// The level-by-level BFS shared by every model's forward cascade.
enum LevelCascade {
    /// How many queued nodes ahead the driver prefetches a row's offsets (and, half as far ahead,
    /// its first arcs). Rows of queued nodes lie at random places in the CSR; without this the
    /// kernel waits on memory at the start of nearly every row.
    static let prefetchDistance = 8

    /// One cascade from `seeds`: the active nodes end in `scratch.queue[0..<activated]`, seeds first
    /// (duplicates removed), then in order of activation; at most `maxSteps` rounds after the seeds.
    ///
    /// Complexity: O(|S| + Σ out-degree of the activated nodes).
    @inline(__always)
    static func run<Rule: ForwardArcRule>(_ rule: Rule, from seeds: UnsafeBufferPointer<UInt32>, offsets: UnsafePointer<Int>,
                                          targets: UnsafePointer<UInt32>, scratch: CascadeScratch, maxSteps: Int,
                                          randomness: RunRandomness) -> CascadeOutcome {
        let marks = scratch.marks
        let queue = scratch.queue
        let active = scratch.active
        let values = rule.arcValues
        var tail = 0
        for s in seeds where marks[Int(s)] != active {
            marks[Int(s)] = active
            queue[tail] = s
            tail &+= 1
        }
        var head = 0
        var examined = 0
        var step = 0
        while head < tail && step < maxSteps {
            let levelEnd = tail
            while head < levelEnd {
                let u = Int(queue[head])
                // The queue says which rows come next: fetch their offsets, then their arcs, ahead.
                if head &+ prefetchDistance < tail { ik_prefetch(offsets + Int(queue[head &+ prefetchDistance])) }
                if head &+ prefetchDistance / 2 < tail {
                    let row = offsets[Int(queue[head &+ prefetchDistance / 2])]
                    ik_prefetch(values + row)
                    ik_prefetch(targets + row)
                }
                head &+= 1
                let begin = offsets[u], end = offsets[u &+ 1]
                examined &+= end &- begin
                var a = begin
                while a < end {
                    rule.visit(arc: a, targets: targets, scratch: scratch, randomness: randomness, tail: &tail)
                    a &+= 1
                }
            }
            step &+= 1
        }
        return CascadeOutcome(activated: tail, arcsExamined: examined)
    }
}
