extension NodeLabels {
    /// The dense node id of each of `wanted`, matched byte for byte (UTF-8): `café` written with
    /// a precomposed `é` does not match one written as `e` and a combining accent, although Swift
    /// compares them equal. nil for a label no node has; the first node when labels repeat.
    /// Integer labels match only their canonical decimal form (`7`, not `07` or `+7`).
    ///
    /// Complexity: O(n + total bytes of the labels) for string labels (one pass over the graph's
    /// labels, none kept), O(n + k) for integer labels, O(k) for the identity.
    public func nodes(exactlyLabelled wanted: [String]) -> [Int?] {
        var result = [Int?](repeating: nil, count: wanted.count)
        switch self {
        case .identity(let n):
            for (i, label) in wanted.enumerated() {
                if let value = Self.canonicalInteger(label), value >= 0, value < n { result[i] = Int(value) }
            }
        case .integers(let values):
            var positions: [Int64: [Int]] = [:]
            for (i, label) in wanted.enumerated() {
                if let value = Self.canonicalInteger(label) { positions[value, default: []].append(i) }
            }
            guard !positions.isEmpty else { return result }
            for (node, value) in values.enumerated() {
                guard let waiting = positions.removeValue(forKey: value) else { continue }
                for i in waiting { result[i] = node }
                if positions.isEmpty { break }
            }
        case .strings(let labels):
            var positions: [ByteLabel: [Int]] = [:]
            for (i, label) in wanted.enumerated() { positions[ByteLabel(label), default: []].append(i) }
            for (node, label) in labels.enumerated() {
                guard let waiting = positions.removeValue(forKey: ByteLabel(label)) else { continue }
                for i in waiting { result[i] = node }
                if positions.isEmpty { break }
            }
        }
        return result
    }

    /// The value of `label` when it is an integer in its canonical decimal form.
    private static func canonicalInteger(_ label: String) -> Int64? {
        guard let value = Int64(label), String(value).utf8.elementsEqual(label.utf8) else { return nil }
        return value
    }
}

