/// Storage of trivial values at an address that never moves, filled once and then only read.
///
/// Sampling tables live here so that a sampler can hand plain `UnsafeBufferPointer`s to its hot
/// loops without nesting a `withUnsafeBufferPointer` scope per table. Keep the buffer alive (hold
/// a reference) for as long as a pointer taken from it is used.
final class PinnedBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    /// Address of the first element.
    let base: UnsafeMutablePointer<Element>
    /// Number of elements.
    let count: Int

    /// A copy of `array`. Complexity: O(count).
    init(_ array: [Element]) {
        count = array.count
        base = .allocate(capacity: max(1, count))
        array.withUnsafeBufferPointer { source in
            if let from = source.baseAddress { base.initialize(from: from, count: count) }
        }
    }

    /// The elements, read-only.
    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// Bytes held.
    var memoryBytes: Int { count * MemoryLayout<Element>.stride }

    deinit { base.deallocate() }
}
