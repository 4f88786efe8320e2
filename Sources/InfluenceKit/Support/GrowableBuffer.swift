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

/// The provisional node ids of a text load (two per line): 4 bytes each while every id lies in
/// 0 ... 2³² − 1 (label numbers always, and the integer ids of the usual files), widened once to 8
/// bytes at the first id that does not. Halves the largest array of a load.
final class ProvisionalIDs: @unchecked Sendable {
    /// The ids while all fit in 32 bits (empty once widened).
    private(set) var narrow = GrowableBuffer<UInt32>()
    /// The ids once one did not fit (nil until then).
    private(set) var wide: GrowableBuffer<Int64>?

    /// An empty list. Complexity: O(1).
    init() {}

    /// Ids held.
    var count: Int { wide?.count ?? narrow.count }

    /// Makes room for `minimumCapacity` ids. Complexity: O(1) amortised.
    func reserveCapacity(_ minimumCapacity: Int) {
        if let wide { wide.reserveCapacity(minimumCapacity) } else { narrow.reserveCapacity(minimumCapacity) }
    }

    /// Cuts the block to the ids held. Complexity: O(1).
    func shrinkToFit() {
        if let wide { wide.shrinkToFit() } else { narrow.shrinkToFit() }
    }

    /// Appends `id`, widening the list at the first id outside 32 bits. Complexity: O(1)
    /// amortised (O(count) once, when widening).
    @inline(__always)
    func append(_ id: Int64) {
        if let wide {
            wide.append(id)
        } else if UInt64(bitPattern: id) <= UInt64(UInt32.max) {
            narrow.append(UInt32(truncatingIfNeeded: id))
        } else {
            widen()
            wide!.append(id)
        }
    }

    private func widen() {
        let all = GrowableBuffer<Int64>()
        all.reserveCapacity(Swift.max(16, narrow.capacity))
        narrow.withUnsafeBufferPointer { ids in for id in ids { all.append(Int64(id)) } }
        wide = all
        narrow = GrowableBuffer<UInt32>()
    }
}
