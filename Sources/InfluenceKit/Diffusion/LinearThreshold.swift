import CSupport

/// Linear threshold (Kempe, Kleinberg, Tardos, KDD 2003, §2): each node `v` draws a threshold
/// θ_v uniformly from (0, 1] and activates once the LT weights of its active in-neighbours sum
/// to at least θ_v.
///
/// Thresholds are drawn lazily: θ_v is drawn the first time `v` receives weight in a run (nodes
/// that receive none never need one), and `θ_v − received weight` is kept in the workspace's
/// residuals, valid while `v`'s mark says "touched". `v` activates when the residual reaches 0.
/// Processing is level by level, so `maxSteps` bounds the rounds exactly as in the synchronous
/// definition. A node whose in-weights sum below 1 may stay inactive with all in-neighbours
/// active (probability 1 − Σw).
public enum LinearThreshold: CascadeModel {
    public static var kind: DiffusionModelKind { .lt }

    /// One LT cascade. Complexity: O(|S| + Σ out-degree of the activated nodes).
    public static func cascade(from seeds: UnsafeBufferPointer<UInt32>, arcs: CascadeArcs, scratch: CascadeScratch,
                               maxSteps: Int, randomness: RunRandomness) -> CascadeOutcome {
        let offsets = arcs.offsets.baseAddress!
        let targets = arcs.targets.baseAddress
        let weights = arcs.weights.baseAddress
        let marks = scratch.marks
        let queue = scratch.queue
        let residuals = scratch.residuals
        let touched = scratch.touched
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
                    ik_prefetch(weights.unsafelyUnwrapped + row)
                    ik_prefetch(targets.unsafelyUnwrapped + row)
                }
                head += 1
                let begin = offsets[u], end = offsets[u + 1]
                examined += end - begin
                var a = begin
                while a < end {
                    let v = Int(targets.unsafelyUnwrapped[a])
                    let mark = marks[v]
                    if mark != active {
                        // θ in (0, 1]: weight 0 never activates, total weight 1 always does.
                        var residual = mark == touched ? residuals[v] : randomness.threshold(of: v)
                        residual -= weights.unsafelyUnwrapped[a]
                        if residual <= 0 {
                            marks[v] = active
                            queue[tail] = UInt32(truncatingIfNeeded: v)
                            tail += 1
                        } else {
                            marks[v] = touched
                            residuals[v] = residual
                        }
                    }
                    a += 1
                }
            }
            step += 1
        }
        return CascadeOutcome(activated: tail, arcsExamined: examined)
    }
}
