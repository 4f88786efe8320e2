import Testing
@testable import InfluenceKit

/// Paths of test inputs.
enum TestPaths {
    /// `Tests/Fixtures/NAME`.
    static func fixture(_ name: String) -> String {
        let here = #filePath
        let tests = here.split(separator: "/").dropLast(2).joined(separator: "/")
        return "/" + tests + "/Fixtures/" + name
    }

    /// `../shared/graphs/NAME` beside the checkout, or nil when absent.
    static func sharedGraph(_ name: String) -> String? {
        let here = #filePath
        let root = here.split(separator: "/").dropLast(3).joined(separator: "/")
        let path = "/" + root + "/../shared/graphs/" + name
        return FileContentsProbe.exists(path) ? path : nil
    }

    /// A fresh temporary file path.
    static func temporary(_ name: String) -> String {
        "/tmp/influencekit-tests-\(getpidValue())-\(name)"
    }
}

#if canImport(Glibc)
import Glibc
#endif
enum FileContentsProbe {
    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}
func getpidValue() -> Int32 { getpid() }

/// Writes `text` to a temporary file and returns its path.
func writeTemporary(_ name: String, _ text: String) -> String {
    let path = TestPaths.temporary(name)
    try! AtomicFile.write(text, to: path)
    return path
}

/// Builds a graph from inline edge-list text.
func graphFrom(_ text: String, undirected: Bool = false, probabilities: ProbabilityScheme = .weightedCascade,
               name: String = "inline.txt") throws -> InfluenceGraph {
    let path = writeTemporary(name, text)
    return try GraphLoader.load(path, options: GraphLoadOptions(undirected: undirected, build: GraphBuildOptions(probabilities: probabilities))).graph
}
