/// Independent cascade (Kempe, Kleinberg, Tardos, KDD 2003, §2): each newly active `u` gets one
/// chance to activate each inactive out-neighbour `v`, succeeding with the arc's IC probability.
///
/// The kernel is a level-by-level BFS over the forward CSR: a coin is flipped only for arcs into
/// nodes not yet active (an arc into an active node cannot change anything), so every arc is
/// examined at most once per run. `p = 0` never fires and `p = 1` always does.
public enum IndependentCascade: CascadeModel {
    public static var kind: DiffusionModelKind { .ic }

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
                head += 1
                let begin = offsets[u], end = offsets[u + 1]
                examined += end - begin
                var a = begin
                while a < end {
                    let v = Int(targets.unsafelyUnwrapped[a])
                    if marks[v] != active && randomness.isLive(arc: a, probability: probabilities.unsafelyUnwrapped[a]) {
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
