/// Greedy keys (coverage, node) on the library's binary heap; stored coverages may be stale (only
/// ever too high) and are refreshed when they reach the top.
struct LazyMaxHeap: Sendable {
    private var heap: BinaryMaxHeap<UInt64>

    /// Heap key: coverage in the high half, the complement of the node id in the low half, so
    /// larger coverage wins and, among equals, the smaller id.
    @inline(__always) static func key(_ gain: UInt32, _ node: Int) -> UInt64 {
        (UInt64(gain) << 32) | UInt64(UInt32.max - UInt32(node))
    }

    @inline(__always) static func node(of key: UInt64) -> Int {
        Int(UInt32.max - UInt32(truncatingIfNeeded: key))
    }

    /// Heapifies `keys`. Complexity: O(count).
    init(keys: [UInt64]) { heap = BinaryMaxHeap(keys) }

    /// The top entry after refreshing stale tops against the current `degree` (entries whose
    /// coverage fell to 0 are dropped); nil when nothing with positive coverage is left.
    ///
    /// Complexity: O(log n) per refresh.
    mutating func freshTop(_ degree: [UInt32]) -> UInt64? {
        while let top = heap.top {
            let v = Self.node(of: top)
            let current = degree[v]
            if UInt64(current) == top >> 32 { return top }
            if current == 0 {
                heap.removeTop()
            } else {
                heap.replaceTop(with: Self.key(current, v))
            }
        }
        return nil
    }

    /// Removes the top entry. Complexity: O(log n).
    mutating func removeTop() { heap.removeTop() }

    /// Adds an entry. Complexity: O(log n).
    mutating func insert(_ key: UInt64) { heap.insert(key) }
}
