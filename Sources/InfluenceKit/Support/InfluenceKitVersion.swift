/// Versions a record carries so that it can be reproduced and read back.
public enum InfluenceKitVersion {
    /// The library's version.
    public static let library = "0.3.0"
    /// The version of the JSON records (`SeedsRecord`, `SimulationRecord`, ...) and of their JSON
    /// Schemas; bumped when a key changes meaning.
    public static let report = 3
}
