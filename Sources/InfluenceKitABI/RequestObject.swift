import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The JSON object of options or of a request that a C entry point takes, read key by key with
/// type checks. Keys are snake_case; an unknown key, or a value of the wrong type, is an argument
/// error naming the key and what was expected. `null` is the same as leaving a key out.
struct RequestObject {
    private let values: [String: JSONValue]
    /// Keys given as null.
    private let nulls: Set<String>
    /// `options` or `request`, for messages.
    private let argument: String

    /// Parses `text` (NULL or empty: no keys) and checks that every key is one of `allowed`.
    /// Complexity: O(length of the text).
    init(_ text: UnsafePointer<CChar>?, argument: String, allowed: [String]) throws(ABIFailure) {
        self.argument = argument
        guard let text, text.pointee != 0 else { values = [:]; nulls = []; return }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text))
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw .argument(argument, "not valid UTF-8 (expected a JSON object)")
        }
        let parsed: JSONValue
        do {
            parsed = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            throw .argument(argument, "not valid JSON (expected an object such as {\"k\": 10})")
        }
        guard case .object(let object) = parsed else {
            throw .argument(argument, "\(parsed.typeName) (expected a JSON object such as {\"k\": 10})")
        }
        for key in object.keys.sorted() where !allowed.contains(key) {
            throw .argument(argument, "unknown key '\(key)' (expected one of \(allowed.sorted().joined(separator: ", ")))")
        }
        values = object.filter { $0.value != .null }
        nulls = Set(object.filter { $0.value == .null }.keys)
    }

    private func wrongType(_ key: String, _ value: JSONValue, _ expected: String) -> ABIFailure {
        ABIFailure.argument(key, "\(argument) key '\(key)' is \(value.typeName) (expected \(expected))")
    }

    /// Whether the key was given as null (for keys where null means "none" rather than the default).
    func isNull(_ key: String) -> Bool { nulls.contains(key) }

    func bool(_ key: String) throws(ABIFailure) -> Bool? {
        guard let value = values[key] else { return nil }
        guard case .bool(let b) = value else { throw wrongType(key, value, "true or false") }
        return b
    }

    func string(_ key: String) throws(ABIFailure) -> String? {
        guard let value = values[key] else { return nil }
        guard case .string(let s) = value else { throw wrongType(key, value, "a string") }
        return s
    }

    /// An integer (a number with a fraction, or beyond Int, is refused).
    func int(_ key: String) throws(ABIFailure) -> Int? {
        guard let value = values[key] else { return nil }
        switch value {
        case .integer(let i): return Int(i)
        case .unsigned: throw ABIFailure.argument(key, "\(argument) key '\(key)' is too large (expected an integer below 2^63)")
        default: throw wrongType(key, value, "an integer")
        }
    }

    /// A 64-bit seed: an integer in [0, 2^64).
    func seed(_ key: String) throws(ABIFailure) -> UInt64? {
        guard let value = values[key] else { return nil }
        switch value {
        case .integer(let i) where i >= 0: return UInt64(i)
        case .integer: throw ABIFailure.argument(key, "\(argument) key '\(key)' is negative (expected an integer in [0, 2^64))")
        case .unsigned(let u): return u
        default: throw wrongType(key, value, "an integer in [0, 2^64)")
        }
    }

    /// A finite number (integers accepted).
    func double(_ key: String) throws(ABIFailure) -> Double? {
        guard let value = values[key] else { return nil }
        switch value {
        case .integer(let i): return Double(i)
        case .unsigned(let u): return Double(u)
        case .number(let d): return d
        default: throw wrongType(key, value, "a number")
        }
    }

    /// A string that must be one of `choices`.
    func choice(_ key: String, _ choices: [String]) throws(ABIFailure) -> String? {
        guard let text = try string(key) else { return nil }
        guard choices.contains(text) else {
            throw ABIFailure.argument(key, "\(argument) key '\(key)' is '\(text)' (expected one of \(choices.joined(separator: ", ")))")
        }
        return text
    }
}
