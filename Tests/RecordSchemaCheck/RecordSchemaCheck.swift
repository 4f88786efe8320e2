import Foundation

/// Checks JSON records against the record schemas of `Sources/InfluenceKit/Schemas/` (JSON
/// Schema 2020-12, the subset the schemas use: `type`, `properties`, `required`,
/// `additionalProperties`, `items`, `enum`, `const`, `minimum`, `anyOf`, and `$ref` to a
/// definition in the same file or in another schema file of the folder).
///
/// The test suites run every record they produce through `RecordSchemaCheck.problems(ofRecord:)`.
public enum RecordSchemaCheck {
    /// The schema folder of the record version in force.
    public static var folder: String {
        let here = #filePath
        let repository = here.split(separator: "/").dropLast(3).joined(separator: "/")
        return "/" + repository + "/Sources/InfluenceKit/Schemas/v3"
    }

    /// What is wrong with `text` as a record: empty when it is valid. A record names its schema
    /// by its `useCase` key (`seeds` → `seeds.schema.json`).
    public static func problems(ofRecord text: String) -> [String] {
        guard let data = text.data(using: .utf8),
              let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return ["not JSON"]
        }
        return problems(ofRecordValue: value)
    }

    /// As `problems(ofRecord:)` for a parsed value (a record, or an array of records).
    public static func problems(ofRecordValue value: Any) -> [String] {
        if let array = value as? [Any] { return array.flatMap { problems(ofRecordValue: $0) } }
        guard let object = value as? [String: Any], let useCase = object["useCase"] as? String else {
            return ["a record is an object with a \"useCase\" string"]
        }
        guard let schema = load("\(useCase).schema.json") else { return ["no schema for use case '\(useCase)'"] }
        var found: [String] = []
        check(value, schema, file: "\(useCase).schema.json", path: "$", into: &found)
        return found
    }

    nonisolated(unsafe) private static var cache: [String: [String: Any]] = [:]
    private static let lock = NSLock()

    /// The schema file `file` of the folder, parsed (cached).
    public static func load(_ file: String) -> [String: Any]? {
        lock.lock()
        defer { lock.unlock() }
        if let known = cache[file] { return known }
        guard let data = FileManager.default.contents(atPath: folder + "/" + file),
              let schema = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        cache[file] = schema
        return schema
    }

    /// The schema `ref` points at, from `file`, and the file it lies in.
    static func resolve(_ ref: String, from file: String) -> ([String: Any], String)? {
        let parts = ref.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let target = parts[0].isEmpty ? file : parts[0]
        guard var node: Any = load(target) else { return nil }
        if parts.count == 2 {
            for key in parts[1].split(separator: "/") {
                guard let object = node as? [String: Any], let next = object[String(key)] else { return nil }
                node = next
            }
        }
        guard let schema = node as? [String: Any] else { return nil }
        return (schema, target)
    }

    static func typeName(_ value: Any) -> String {
        if value is NSNull { return "null" }
        if let number = value as? NSNumber {
            if String(describing: type(of: number)).contains("Boolean") { return "boolean" }
            let kind = String(cString: number.objCType)
            return kind == "d" || kind == "f" ? "number" : "integer"
        }
        if value is String { return "string" }
        if value is [Any] { return "array" }
        if value is [String: Any] { return "object" }
        return "unknown"
    }

    static func check(_ value: Any, _ schema: [String: Any], file: String, path: String, into found: inout [String]) {
        if let ref = schema["$ref"] as? String {
            guard let (target, targetFile) = resolve(ref, from: file) else { found.append("\(path): unresolved $ref \(ref)"); return }
            check(value, target, file: targetFile, path: path, into: &found)
            return
        }
        if let options = schema["anyOf"] as? [[String: Any]] {
            let fits = options.contains { option in
                var local: [String] = []
                check(value, option, file: file, path: path, into: &local)
                return local.isEmpty
            }
            if !fits { found.append("\(path): matches none of anyOf") }
            return
        }
        let actual = typeName(value)
        if let type = schema["type"] {
            let allowed = (type as? [String]) ?? [(type as? String) ?? ""]
            let ok = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
            if !ok { found.append("\(path): \(actual), expected \(allowed.joined(separator: " or "))"); return }
        }
        if let choices = schema["enum"] as? [Any] {
            if !choices.contains(where: { "\($0)" == "\(value)" && typeName($0) == actual }) { found.append("\(path): \(value) not in enum") }
        }
        if let constant = schema["const"], "\(constant)" != "\(value)" { found.append("\(path): \(value), expected \(constant)") }
        if let minimum = (schema["minimum"] as? NSNumber)?.doubleValue, let number = (value as? NSNumber)?.doubleValue, number < minimum {
            found.append("\(path): \(number) below the minimum \(minimum)")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { found.append("\(path): missing \"\(key)\"") }
            for (key, child) in object {
                if let sub = properties[key] as? [String: Any] {
                    check(child, sub, file: file, path: "\(path).\(key)", into: &found)
                } else if let extra = schema["additionalProperties"] {
                    if let allowed = extra as? Bool, !allowed, properties.count > 0 || schema["required"] != nil {
                        found.append("\(path): unexpected key \"\(key)\"")
                    } else if let sub = extra as? [String: Any] {
                        check(child, sub, file: file, path: "\(path).\(key)", into: &found)
                    }
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (i, child) in array.enumerated() { check(child, items, file: file, path: "\(path)[\(i)]", into: &found) }
        }
    }
}
