/// The LT forward step: arc a → v adds w(a) to what the inactive head has received; the head
/// activates once the total reaches its threshold θ_v, uniform in (0, 1].
///
/// Thresholds are drawn lazily: θ_v is drawn the first time `v` receives weight in a run (nodes
/// that receive none never need one), and `θ_v − received weight` is kept in the scratch's
/// residuals, valid while `v`'s mark says "touched". `v` activates when the residual reaches 0.
/// A node whose in-weights sum below 1 may stay inactive with all in-neighbours active
/// (probability 1 − Σw). Thresholds and residuals are Doubles: a node with millions of tiny
/// in-weights summing to 1 still activates once all of them have arrived.
struct LTArcRule: ForwardArcRule {
    let weights: UnsafePointer<Float>

    var arcValues: UnsafePointer<Float> { weights }

    @inline(__always)
    func visit(arc a: Int, targets: UnsafePointer<UInt32>, scratch: CascadeScratch, randomness: RunRandomness, tail: inout Int) {
        let v = Int(targets[a])
        let mark = scratch.marks[v]
        if mark == scratch.active { return }
        // θ in (0, 1]: weight 0 never activates, total weight 1 always does.
        var residual = mark == scratch.touched ? scratch.residuals[v] : randomness.threshold(of: v)
        residual -= Double(weights[a])
        if residual <= 0 {
            scratch.activate(v, tail: &tail)
        } else {
            scratch.marks[v] = scratch.touched
            scratch.residuals[v] = residual
        }
    }
}
