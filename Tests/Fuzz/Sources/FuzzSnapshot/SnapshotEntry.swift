import FuzzSupport
import InfluenceKit

/// The snapshot reader under test, behind one function so a new reader API is a one-line change.
enum SnapshotEntry {
    /// Reads `bytes` as a `.infgraph` file.
    static func read(_ bytes: [UInt8]) throws(InfluenceError) -> InfluenceGraph {
        // With GraphSnapshot.decode(_:path:) this becomes: try GraphSnapshot.decode(bytes, path: "fuzz.infgraph")
        try GraphSnapshot.read(ScratchFile.write(bytes, named: "fuzz.infgraph"))
    }
}
