import FoundationEssentials

/// The JSON forms of a seeds file: `{"seeds": [ITEM, …], …}` or `[ITEM, …]`, where an item is a
/// label (string or integer) or an object with a `"label"` (string or integer).
enum SeedsJSON {
    static let shape = "expected {\"seeds\": [{\"label\": \"…\"}, …]}, [\"label\", …] or [0, 33, …]"

    /// Nesting deeper than this is refused before decoding (seeds reports nest a few levels).
    static let maximumDepth = 64

    /// The seeds of JSON `bytes`; `path` names the file in errors.
    /// Complexity: O(bytes).
    static func entries(_ bytes: [UInt8], path: String) throws(InfluenceError) -> [SeedsFile.Entry] {
        if let depth = excessiveDepth(bytes) {
            throw InfluenceError(.data, file: path, "JSON nested more than \(depth) levels deep (\(shape))")
        }
        if bytes.contains(0) {
            throw InfluenceError(.data, file: path, "not valid JSON: a NUL byte (\(shape))")
        }
        if String(validating: bytes, as: UTF8.self) == nil {
            throw InfluenceError(.data, file: path, "not valid UTF-8 (expected UTF-8 JSON: \(shape))")
        }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(bytes))
        } catch {
            throw InfluenceError(.data, file: path, "not valid JSON: \(describe(error)) (\(shape))")
        }
        guard let items = document.items else {
            throw InfluenceError(.data, file: path, "JSON object without a \"seeds\" array (\(shape))")
        }
        if items.isEmpty { throw InfluenceError(.data, file: path, "the \"seeds\" array is empty (\(shape))") }
        var result: [SeedsFile.Entry] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            let position = index + 1
            let label: String
            switch item {
            case .label(let text):
                label = text
            case .nonInteger(let value?) where value == value.rounded():
                throw InfluenceError(.data, file: path, "seed entry \(position) is the integer \(value), beyond 64-bit integer labels (write it as a string, e.g. \"12345678901234567890\")")
            case .nonInteger(let value):
                let shown = value.map { " (\($0))" } ?? ""
                throw InfluenceError(.data, file: path, "seed entry \(position) is a number that is not an integer\(shown) (expected an integer label such as 33, or a string)")
            case .unreadable:
                throw InfluenceError(.data, file: path, "seed entry \(position) is neither a string nor a number in range (expected an integer label such as 33, or a string)")
            case .missing:
                throw InfluenceError(.data, file: path, "seed entry \(position) has no \"label\" string or integer (\(shape))")
            }
            if label.isEmpty {
                throw InfluenceError(.data, file: path, "seed entry \(position) has an empty label (\(shape))")
            }
            if label.utf8.contains(0) {
                throw InfluenceError(.data, file: path, "seed entry \(position) has a NUL character in its label (expected text labels)")
            }
            result.append(SeedsFile.Entry(label: label, line: nil, position: position))
        }
        return result
    }

    /// The depth limit, when `bytes` nest arrays and objects deeper than it (outside strings).
    private static func excessiveDepth(_ bytes: [UInt8]) -> Int? {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false }
                else if byte == UInt8(ascii: "\\") { escaped = true }
                else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumDepth { return maximumDepth }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return nil
    }

    /// One line of a decoding error.
    private static func describe(_ error: Error) -> String {
        let text: String
        switch error {
        case DecodingError.dataCorrupted(let context):
            if let underlying = context.underlyingError {
                text = "\(underlying)"
            } else {
                text = context.debugDescription
            }
        default:
            text = "\(error)"
        }
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.isEmpty ? "the data does not parse" : line
    }

    /// The top level: an object with `"seeds"`, or an array.
    private struct Document: Decodable {
        /// nil for an object without a `"seeds"` array.
        var items: [Item]?

        private enum Keys: String, CodingKey { case seeds }

        init(from decoder: Decoder) throws {
            if let object = try? decoder.container(keyedBy: Keys.self) {
                // Items never fail to decode (a bad one is `.missing`): nil means no "seeds" array.
                items = try? object.decode([Item].self, forKey: .seeds)
            } else {
                items = try decoder.singleValueContainer().decode([Item].self)
            }
        }
    }

    /// One seed entry.
    private enum Item: Decodable {
        case label(String)
        /// A number that is not an integer label (its value when it fits a Double).
        case nonInteger(Double?)
        /// Neither a label nor an object with one.
        case missing
        /// A value that does not decode as a string or a number (e.g. 1e400).
        case unreadable

        private enum Keys: String, CodingKey { case label }

        init(from decoder: Decoder) throws {
            if let object = try? decoder.container(keyedBy: Keys.self) {
                guard object.contains(.label), let inner = try? object.superDecoder(forKey: .label) else {
                    self = .missing
                    return
                }
                self = Self.scalar(inner)
            } else {
                self = Self.scalar(decoder)
            }
        }

        private static func scalar(_ decoder: Decoder) -> Item {
            if (try? decoder.unkeyedContainer()) != nil { return .missing }
            if (try? decoder.container(keyedBy: Keys.self)) != nil { return .missing }
            guard let value = try? decoder.singleValueContainer() else { return .missing }
            if let text = try? value.decode(String.self) { return .label(text) }
            if let integer = try? value.decode(Int64.self) { return .label(String(integer)) }
            if let number = try? value.decode(Double.self) { return .nonInteger(number.isFinite ? number : nil) }
            if value.decodeNil() { return .missing }
            if (try? value.decode(Bool.self)) != nil { return .missing }
            // A number beyond every range (1e400), or a string that does not decode.
            return .unreadable
        }
    }
}
