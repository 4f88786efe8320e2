import FoundationEssentials

/// Any JSON value, read without a schema: the HTML report reads every record kind (including
/// those of modules built on InfluenceKit, such as embed and probe) through it.
enum JSONTree: Decodable, Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Reads any JSON value. Complexity: O(size of the value).
    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            var members: [String: JSONTree] = [:]
            for key in object.allKeys { members[key.stringValue] = try object.decode(JSONTree.self, forKey: key) }
            self = .object(members)
        } else if var array = try? decoder.unkeyedContainer() {
            var items: [JSONTree] = []
            while !array.isAtEnd { items.append(try array.decode(JSONTree.self)) }
            self = .array(items)
        } else {
            let value = try decoder.singleValueContainer()
            if value.decodeNil() { self = .null }
            else if let b = try? value.decode(Bool.self) { self = .bool(b) }
            else if let d = try? value.decode(Double.self) { self = .number(d) }
            else { self = .string(try value.decode(String.self)) }
        }
    }

    /// Parses `bytes` as JSON; `file` names them in the error.
    ///
    /// - Throws: `InfluenceError(.data)` when the bytes are not JSON. Complexity: O(size).
    static func parse(_ bytes: [UInt8], file: String) throws(InfluenceError) -> JSONTree {
        do {
            return try JSONDecoder().decode(JSONTree.self, from: Data(bytes))
        } catch {
            throw InfluenceError(.data, file: file, "not a JSON record (expected the JSON that --output or --json writes)")
        }
    }

    /// The member `key` of an object (`.null` for anything else). Complexity: O(1).
    subscript(key: String) -> JSONTree {
        if case .object(let members) = self { return members[key] ?? .null }
        return .null
    }

    /// The element at `index` of an array (`.null` out of range). Complexity: O(1).
    subscript(index: Int) -> JSONTree {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return .null
    }

    /// The number, if this is one.
    var double: Double? { if case .number(let d) = self { return d }; return nil }
    /// The number as an integer, if this is a whole number.
    var int: Int? { double.flatMap { $0.isFinite && $0 == $0.rounded() && abs($0) < 9e15 ? Int($0) : nil } }
    /// The string, if this is one.
    var string: String? { if case .string(let s) = self { return s }; return nil }
    /// The Boolean, if this is one.
    var bool: Bool? { if case .bool(let b) = self { return b }; return nil }
    /// The elements (empty for anything but an array).
    var array: [JSONTree] { if case .array(let items) = self { return items }; return [] }
    /// The members, keys sorted (empty for anything but an object).
    var members: [(key: String, value: JSONTree)] {
        if case .object(let m) = self { return m.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) } }
        return []
    }
    /// Whether this is `null` or absent.
    var isNull: Bool { self == .null }

    /// The value as short text for a table cell: numbers plainly, arrays joined by commas,
    /// objects as `key: value` pairs. Complexity: O(size).
    var cellText: String {
        switch self {
        case .null: return "—"
        case .bool(let b): return b ? "yes" : "no"
        case .number(let d): return HTMLReport.number(d)
        case .string(let s): return s
        case .array(let items): return items.map(\.cellText).joined(separator: ", ")
        case .object: return members.map { "\($0.key): \($0.value.cellText)" }.joined(separator: "; ")
        }
    }
}
