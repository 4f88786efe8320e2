/// Measures elapsed wall time with the monotonic clock, in seconds.
///
/// Complexity: O(1).
public struct Stopwatch: Sendable {
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant

    /// Starts measuring now.
    public init() { start = clock.now }

    /// Seconds since the stopwatch started.
    public var seconds: Double {
        let d = clock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
