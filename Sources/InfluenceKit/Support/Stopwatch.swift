/// Wall-clock timing of phases (monotonic clock).
public struct Stopwatch: Sendable {
    private let clock = ContinuousClock()
    private var start: ContinuousClock.Instant

    /// A stopwatch started now. Complexity: O(1).
    public init() { start = clock.now }

    /// Seconds since the start (or the last `lap()`).
    public var seconds: Double { Self.seconds(clock.now - start) }

    /// Seconds since the start (or the last lap), restarting the count. Complexity: O(1).
    public mutating func lap() -> Double {
        let now = clock.now
        defer { start = now }
        return Self.seconds(now - start)
    }

    /// Seconds `body` takes to run. Complexity: that of `body`.
    public static func measure(_ body: () throws -> Void) rethrows -> Double {
        let watch = Stopwatch()
        try body()
        return watch.seconds
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
