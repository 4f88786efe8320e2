#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A growing array of plain values in one `malloc` block that grows by `realloc`.
///
/// A Swift array grows by copying into a new block while the old one is still held, so an array
/// of size s briefly costs about 3s of memory (old block plus a block of twice the size). Large
/// `malloc` blocks are mapped pages, which glibc's `realloc` moves with `mremap` without copying
/// them, so this buffer's peak is its capacity alone; it grows by half its size at a time. The
/// edge-list reader keeps its provisional ids (16 bytes an edge, the largest array of a text
/// load) in one.
///
/// A reference type: pass it around, don't copy it expecting a second buffer.
final class GrowableBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    private var base: UnsafeMutablePointer<Element>?
    /// Elements held.
    private(set) var count = 0
    /// Elements the block has room for.
    private(set) var capacity = 0

    /// An empty buffer (no block yet). Complexity: O(1).
    init() {}

    deinit { free(base) }

    /// True when nothing was appended.
    var isEmpty: Bool { count == 0 }

    /// `0..<count`.
    var indices: Range<Int> { 0..<count }

    /// Element `i`, `0 ≤ i < count`. Complexity: O(1).
    subscript(i: Int) -> Element {
        get {
            precondition(i >= 0 && i < count, "index \(i) out of 0..<\(count)")
            return base![i]
        }
        set {
            precondition(i >= 0 && i < count, "index \(i) out of 0..<\(count)")
            base![i] = newValue
        }
    }

    /// Makes room for at least `minimumCapacity` elements. Complexity: O(1) amortised (a `realloc`).
    func reserveCapacity(_ minimumCapacity: Int) {
        if minimumCapacity > capacity { grow(to: minimumCapacity) }
    }

    /// Cuts the block to `count` elements (the pages past them go back to the system).
    /// Complexity: O(1) (a `realloc`).
    func shrinkToFit() {
        if count > 0, count < capacity { grow(to: count) }
    }

    /// Appends `element`, growing the block by half when full. Complexity: O(1) amortised.
    @inline(__always)
    func append(_ element: Element) {
        if count == capacity { grow(to: Swift.max(16, capacity + capacity / 2)) }
        (base! + count).initialize(to: element)
        count &+= 1
    }

    /// Calls `body` with the elements. Complexity: O(1) plus `body`.
    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Calls `body` with the elements, writable. Complexity: O(1) plus `body`.
    func withUnsafeMutableBufferPointer<R>(_ body: (UnsafeMutableBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(UnsafeMutableBufferPointer(start: base, count: count))
    }

    private func grow(to newCapacity: Int) {
        let bytes = newCapacity * MemoryLayout<Element>.stride
        guard let block = realloc(base, bytes) else {
            fatalError("out of memory growing a buffer to \(bytes) bytes")
        }
        base = block.bindMemory(to: Element.self, capacity: newCapacity)
        capacity = newCapacity
    }
}
