import FuzzSupport
import InfluenceKit

/// The snapshot reader under test, behind one function so a new reader API is a one-line change.
enum SnapshotEntry {
    /// Decodes `bytes` as a `.infgraph` file.
    static func read(_ bytes: [UInt8]) throws(InfluenceError) -> InfluenceGraph {
        try GraphSnapshot.decode(bytes, path: "fuzz.infgraph")
    }
}
