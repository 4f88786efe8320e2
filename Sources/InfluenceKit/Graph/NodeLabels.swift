/// The original labels of a graph's nodes, indexed by dense node id `0..<n`.
///
/// Edge lists name nodes by arbitrary tokens; InfluenceKit renumbers them densely and maps back in
/// every output. Three storages keep the common cases compact: the identity (labels are exactly
/// `0..<n`), integer labels, and string labels.
///
/// String labels are compared by their UTF-8 bytes, not by Unicode canonical equivalence: `café`
/// with a precomposed `é` and with `e` + a combining accent are different labels, as they are
/// different nodes of the file they came from.
public enum NodeLabels: Sendable, Equatable {
    /// Node `i` is labelled by the decimal integer `i`.
    case identity(count: Int)
    /// Node `i` is labelled by the decimal integer `values[i]`.
    case integers([Int64])
    /// Node `i` is labelled by `values[i]`.
    case strings([String])

    /// Number of labelled nodes.
    public var count: Int {
        switch self {
        case .identity(let n): return n
        case .integers(let v): return v.count
        case .strings(let v): return v.count
        }
    }

    /// The label of dense node `node`. Complexity: O(1).
    public func label(of node: Int) -> String {
        switch self {
        case .identity: return String(node)
        case .integers(let v): return String(v[node])
        case .strings(let v): return v[node]
        }
    }

    /// A lookup from label to dense node id. Complexity: O(n) to build.
    public func makeIndex() -> NodeLabelIndex { NodeLabelIndex(self) }

    /// Same storage and the same labels, byte for byte. Complexity: O(n).
    public static func == (a: NodeLabels, b: NodeLabels) -> Bool {
        switch (a, b) {
        case let (.identity(x), .identity(y)): return x == y
        case let (.integers(x), .integers(y)): return x == y
        case let (.strings(x), .strings(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.utf8.elementsEqual($1.utf8) }
        default: return false
        }
    }
}

/// A label hashed and compared by its UTF-8 bytes, not by Unicode canonical equivalence: the NFC
/// and NFD spellings of `café` are two labels, as they are two users in every file the engine reads.
/// `String` keys would merge them, so every label-keyed table uses this key.
public struct ByteLabel: Hashable, Sendable {
    /// The label.
    public let text: String

    /// Wraps `text`.
    public init(_ text: String) { self.text = text }

    /// Byte-for-byte equality of the UTF-8 encodings.
    public static func == (a: ByteLabel, b: ByteLabel) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    /// Hashes the UTF-8 bytes.
    public func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// Maps labels back to dense node ids (for seeds named by users).
public struct NodeLabelIndex: Sendable {
    private let labels: NodeLabels
    private let byInteger: [Int64: Int]
    private let byString: [ByteLabel: Int]

    init(_ labels: NodeLabels) {
        self.labels = labels
        switch labels {
        case .identity:
            byInteger = [:]; byString = [:]
        case .integers(let values):
            var map = [Int64: Int](minimumCapacity: values.count)
            for (i, v) in values.enumerated() { map[v] = i }
            byInteger = map; byString = [:]
        case .strings(let values):
            var map = [ByteLabel: Int](minimumCapacity: values.count)
            for (i, v) in values.enumerated() where map[ByteLabel(v)] == nil { map[ByteLabel(v)] = i }
            byInteger = [:]; byString = map
        }
    }

    /// The dense id of the node labelled `label` (byte for byte), or nil when no node has that label.
    public func node(for label: String) -> Int? {
        switch labels {
        case .identity(let n):
            guard let v = Int(label), v >= 0, v < n, String(v) == label else { return nil }
            return v
        case .integers:
            guard let v = Int64(label), String(v) == label else { return nil }
            return byInteger[v]
        case .strings:
            return byString[ByteLabel(label)]
        }
    }
}
