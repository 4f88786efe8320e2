import FoundationEssentials

/// The one JSON spelling of every record (`SeedsRecord`, `SimulationRecord`,
/// `CapacityConstrainedReport`, ...): pretty-printed, keys sorted, slashes unescaped. The CLI's
/// `--json`, its `--output` files and the C interface all print through it, so one run gives one
/// byte sequence whichever front end asked.
public enum ReportJSON {
    /// `value` as JSON text (no final newline).
    ///
    /// - Throws: `InfluenceError(.data)` when the value cannot be encoded (a non-finite number).
    /// - Complexity: O(size of the record).
    public static func text<T: Encodable>(_ value: T) throws(InfluenceError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw InfluenceError(.data, "the record could not be written as JSON: \(error) (expected finite numbers)")
        }
    }
}
