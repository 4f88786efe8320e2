import CSupport

/// Independent cascade (Kempe, Kleinberg, Tardos, KDD 2003, §2): each newly active `u` gets one
/// chance to activate each inactive out-neighbour `v`, succeeding with the arc's IC probability.
///
/// The kernel is a level-by-level BFS over the forward CSR. Each out-arc of a newly active node is
/// examined once: its coin (a pure function of the run and the arc, see `RunRandomness`) is
/// tested first, and only a live arc looks at its head's mark. `p = 0` never fires and `p = 1`
/// always does.
public enum IndependentCascade: CascadeModel {
    public static var kind: DiffusionModelKind { .ic }

    /// How many queued nodes ahead the cascade kernels prefetch a row's offsets (and, half as
    /// far ahead, its first arcs). Rows of queued nodes lie at random places in the CSR; without
    /// this the kernels wait on memory at the start of nearly every row.
    static let prefetchDistance = 8

    /// One IC cascade. Complexity: O(|S| + Σ out-degree of the activated nodes).
    public static func cascade(from seeds: UnsafeBufferPointer<UInt32>, arcs: CascadeArcs, scratch: CascadeScratch,
                               maxSteps: Int, randomness: RunRandomness) -> CascadeOutcome {
        let offsets = arcs.offsets.baseAddress!
        let targets = arcs.targets.baseAddress
        let probabilities = arcs.probabilities.baseAddress
        let marks = scratch.marks
        let queue = scratch.queue
        let active = scratch.active
        var tail = 0
        for s in seeds where marks[Int(s)] != active {
            marks[Int(s)] = active
            queue[tail] = s
            tail += 1
        }
        var head = 0
        var examined = 0
        var step = 0
        while head < tail && step < maxSteps {
            let levelEnd = tail
            while head < levelEnd {
                let u = Int(queue[head])
                // The queue says which rows come next: fetch their offsets, then their arcs, ahead.
                let distance = IndependentCascade.prefetchDistance
                if head + distance < tail { ik_prefetch(offsets + Int(queue[head + distance])) }
                if head + distance / 2 < tail {
                    let row = offsets[Int(queue[head + distance / 2])]
                    ik_prefetch(probabilities.unsafelyUnwrapped + row)
                    ik_prefetch(targets.unsafelyUnwrapped + row)
                }
                head += 1
                let begin = offsets[u], end = offsets[u + 1]
                examined += end - begin
                var a = begin
                while a < end {
                    // Coin first: it is a pure function of the arc, mostly false and well
                    // predicted, and spares the random access to the mark of a dead arc's head.
                    if randomness.isLive(arc: a, probability: probabilities.unsafelyUnwrapped[a]),
                       case let v = Int(targets.unsafelyUnwrapped[a]), marks[v] != active {
                        marks[v] = active
                        queue[tail] = UInt32(truncatingIfNeeded: v)
                        tail += 1
                    }
                    a += 1
                }
            }
            step += 1
        }
        return CascadeOutcome(activated: tail, arcsExamined: examined)
    }
}
