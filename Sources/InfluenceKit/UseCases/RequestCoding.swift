import FoundationEssentials

/// The coding key of a request field, by name (shared with the modules built on InfluenceKit,
/// whose requests decode the same way).
package struct FieldKey: CodingKey {
    package let stringValue: String
    package var intValue: Int? { nil }
    package init(_ name: String) { stringValue = name }
    package init?(stringValue: String) { self.stringValue = stringValue }
    package init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where Key == FieldKey {
    /// The field `name`, or `fallback` when the key is absent or null. Complexity: O(size of the value).
    package func field<T: Decodable>(_ name: String, default fallback: T) throws -> T {
        try decodeIfPresent(T.self, forKey: FieldKey(name)) ?? fallback
    }

    /// The optional field `name` (nil when absent or null). Complexity: O(size of the value).
    package func optionalField<T: Decodable>(_ name: String) throws -> T? {
        try decodeIfPresent(T.self, forKey: FieldKey(name))
    }

    /// The required field `name`. Complexity: O(size of the value).
    package func requiredField<T: Decodable>(_ name: String) throws -> T {
        guard contains(FieldKey(name)) else {
            throw DecodingError.keyNotFound(FieldKey(name), .init(codingPath: codingPath, debugDescription: "'\(name)' is required"))
        }
        return try decode(T.self, forKey: FieldKey(name))
    }

    /// Refuses a key that is not one of `known` (a misspelt option must not silently fall back
    /// to its default). Complexity: O(keys · known).
    package func refuseUnknownKeys(_ known: [String]) throws {
        for key in allKeys where !known.contains(key.stringValue) {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self,
                debugDescription: "unknown key '\(key.stringValue)' (expected one of: \(known.joined(separator: ", ")))")
        }
    }
}

extension KeyedEncodingContainer where Key == FieldKey {
    /// Encodes `value` under `name`, writing null for nil so that every field of a request
    /// appears in its record. Complexity: O(size of the value).
    package mutating func field<T: Encodable>(_ name: String, _ value: T?) throws {
        if let value { try encode(value, forKey: FieldKey(name)) } else { try encodeNil(forKey: FieldKey(name)) }
    }
}

/// Requests and records to and from JSON text, with decoding failures turned into one
/// `InfluenceError` naming the key at fault.
public enum RecordJSON {
    /// Decodes `T` from JSON `bytes`; `file` names the source in errors.
    ///
    /// - Throws: `InfluenceError(.usage)` naming the key (as `parameter`) for a missing,
    ///   mistyped, out-of-range or unknown field; `.data` for text that is not JSON.
    /// - Complexity: O(bytes).
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], file: String? = nil) throws(InfluenceError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let error as InfluenceError {
            throw error
        } catch let error as DecodingError {
            throw Self.influenceError(error, file: file)
        } catch {
            throw InfluenceError(.data, file: file, "not a JSON document: \(error) (expected a JSON object)")
        }
    }

    /// `value` as the one JSON spelling of every record (see `ReportJSON.text`).
    /// Complexity: O(size of the value).
    public static func text<T: Encodable>(_ value: T) throws(InfluenceError) -> String {
        try ReportJSON.text(value)
    }

    static func influenceError(_ error: DecodingError, file: String?) -> InfluenceError {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        func lastKey(_ keys: [any CodingKey]) -> ParameterKey? {
            keys.last(where: { $0.intValue == nil }).map { ParameterKey(rawValue: $0.stringValue) }
        }
        switch error {
        case let .keyNotFound(key, context):
            let keys = context.codingPath + [key]
            return InfluenceError(.usage, file: file, parameter: ParameterKey(rawValue: key.stringValue),
                                  "missing key '\(path(keys))' (expected it in the request)")
        case let .typeMismatch(type, context):
            return InfluenceError(.usage, file: file, parameter: lastKey(context.codingPath),
                                  "'\(path(context.codingPath))' has the wrong type (expected \(type))")
        case let .valueNotFound(type, context):
            return InfluenceError(.usage, file: file, parameter: lastKey(context.codingPath),
                                  "'\(path(context.codingPath))' is null (expected \(type))")
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty {
                return InfluenceError(.data, file: file, "not a JSON document (expected a JSON object): \(context.debugDescription)")
            }
            return InfluenceError(.usage, file: file, parameter: lastKey(context.codingPath),
                                  "'\(path(context.codingPath))': \(context.debugDescription)")
        @unknown default:
            return InfluenceError(.usage, file: file, "\(error) (expected a valid request)")
        }
    }
}

extension KeyedDecodingContainer where Key == FieldKey {
    /// `model`, `probabilities` and `normalizeLT`, each absent key taking its default.
    /// Complexity: O(1).
    func modelFields(default d: ModelSpecification) throws -> ModelSpecification {
        ModelSpecification(model: try field("model", default: d.model),
                           probabilities: try field("probabilities", default: d.probabilities),
                           normalizeLT: try field("normalizeLT", default: d.normalizeLT))
    }

    /// `precision`: absent takes the default refinement; an explicit null (or 0) asks for the
    /// paper's stopping rule. Complexity: O(1).
    func precisionField(default d: Double?) throws -> Double? {
        guard contains(FieldKey("precision")) else { return d }
        let given: Double? = try optionalField("precision")
        return given == 0 ? nil : given
    }

    /// The RIS fields (`epsilon`, `delta`, `ell`, `precision`, `sampling`, `memoryLimitBytes`),
    /// each absent key taking its default. Complexity: O(1).
    func risFields(default d: RISParameters) throws -> RISParameters {
        RISParameters(epsilon: try field("epsilon", default: d.epsilon), delta: try optionalField("delta"),
                      ell: try field("ell", default: d.ell), precision: try precisionField(default: d.precision),
                      sampling: try field("sampling", default: d.sampling),
                      memoryLimitBytes: try field("memoryLimitBytes", default: d.memoryLimitBytes))
    }
}

extension KeyedEncodingContainer where Key == FieldKey {
    /// Encodes `model`, `probabilities` and `normalizeLT`. Complexity: O(1).
    mutating func modelFields(_ m: ModelSpecification) throws {
        try field("model", m.model)
        try field("probabilities", m.probabilities)
        try field("normalizeLT", m.normalizeLT)
    }

    /// Encodes the RIS fields (nil ones as null). Complexity: O(1).
    mutating func risFields(_ r: RISParameters) throws {
        try field("epsilon", r.epsilon)
        try field("delta", r.delta)
        try field("ell", r.ell)
        try field("precision", r.precision)
        try field("sampling", r.sampling)
        try field("memoryLimitBytes", r.memoryLimitBytes)
    }
}

/// The JSON keys of the model fields and of the RIS fields, for the requests' key lists.
enum SharedRequestKeys {
    static let model = ["model", "probabilities", "normalizeLT"]
    static let ris = ["epsilon", "delta", "ell", "precision", "sampling", "memoryLimitBytes"]
}
