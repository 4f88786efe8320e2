import Testing
import Foundation
import Synchronization
@_spi(Kernels) @testable import InfluenceKit

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

    /// A fresh temporary file path, unique in the process and across processes: a per-process
    /// directory (pid and a random suffix) holding `COUNTER-NAME`, the counter atomic, so tests
    /// running in parallel never share a path even when they pass the same name. Everything in the
    /// directory is removed when the test process exits (tests also remove their files).
    static func temporary(_ name: String) -> String {
        let number = TemporaryFiles.counter.add(1, ordering: .relaxed).oldValue
        return TemporaryFiles.directory + "/\(number)-\(name)"
    }
}

/// The process's temporary directory for test files.
enum TemporaryFiles {
    static let counter = Atomic<Int>(0)

    /// Created on first use; removed at exit.
    static let directory: String = {
        let path = "/tmp/influencekit-tests-\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { TemporaryFiles.removeDirectory() }
        return path
    }()

    static func removeDirectory() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

#if canImport(Glibc)
import Glibc
#endif
enum FileContentsProbe {
    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}

/// Removes a temporary file; a missing file is fine.
func removeTemporary(_ path: String) {
    unlink(path)
}

/// Writes `text` to a fresh temporary file and returns its path (remove it with
/// `removeTemporary`; the directory goes at exit anyway).
func writeTemporary(_ name: String, _ text: String) -> String {
    let path = TestPaths.temporary(name)
    try! AtomicFile.write(text, to: path)
    return path
}

/// Builds a graph from inline edge-list text, reading the third column when `values` is true. The
/// temporary file is removed once loaded.
func graphFrom(_ text: String, undirected: Bool = false, values: Bool = false, dedupe: Bool = false,
               name: String = "inline.txt") throws -> InfluenceGraph {
    try loadedFrom(text, undirected: undirected, values: values, dedupe: dedupe, name: name).graph
}

/// As `graphFrom`, keeping the `LoadedGraph` (PageRank needs it).
func loadedFrom(_ text: String, undirected: Bool = false, values: Bool = false, dedupe: Bool = false,
                name: String = "inline.txt") throws -> LoadedGraph {
    let path = writeTemporary(name, text)
    defer { removeTemporary(path) }
    return try GraphLoader.load(path, options: GraphLoadOptions(undirected: undirected, readArcValues: values,
                                                                build: GraphBuildOptions(dedupe: dedupe)))
}

/// The test suites' default binding: the file scheme when the graph carries arc values (LT with
/// the in-weights of a node summing above 1 rescaled to sum to 1), weighted cascade (IC) or 1/indeg
/// (LT) otherwise.
func bind(_ graph: InfluenceGraph, _ kind: DiffusionModelKind) throws(InfluenceError) -> any DiffusionModel {
    if graph.arcValues != nil {
        return try kind.bind(to: graph, probabilities: .file, normalizeLT: kind == .lt)
    }
    return try kind.bind(to: graph)
}

/// A simulator of `kind` on `graph` (bound by `bind`).
func simulator(_ graph: InfluenceGraph, _ kind: DiffusionModelKind,
               _ configuration: MonteCarloSimulator.Configuration) throws(InfluenceError) -> MonteCarloSimulator {
    try MonteCarloSimulator(model: bind(graph, kind), configuration: configuration)
}

/// An RR-set sampler of `kind` on `graph` (bound by `bind`).
func sampler(_ graph: InfluenceGraph, _ kind: DiffusionModelKind, method: RRSamplingMethod = .subset,
             costs: SubsetSamplingCosts = .measured, lanes: Int? = nil) throws(InfluenceError) -> RRSetSampler {
    try RRSetSampler(model: bind(graph, kind), method: method, costs: costs, lanes: lanes)
}

/// σ(seeds) by the exact oracle under `kind` (bound by `bind`).
func exactSpread(_ seeds: [Int], _ graph: InfluenceGraph, _ kind: DiffusionModelKind,
                 maxSteps: Int? = nil) throws(InfluenceError) -> Double {
    try ExactSpread.spread(of: seeds, under: bind(graph, kind), maxSteps: maxSteps)
}

/// The largest σ over all k-subsets by exact enumeration, with one optimal set (smallest in
/// lexicographic order among ties to 1e-12), and the spread of every k-subset.
func bruteForceOptimum(_ model: any DiffusionModel, k: Int) throws(InfluenceError) -> (value: Double, set: [Int], all: [Double]) {
    let n = model.graph.nodeCount
    var best = -1.0, bestSet: [Int] = [], all: [Double] = []
    var chosen: [Int] = []
    func search(_ start: Int) throws(InfluenceError) {
        if chosen.count == k {
            let value = try ExactSpread.spread(of: chosen, under: model)
            all.append(value)
            if value > best + 1e-12 { best = value; bestSet = chosen }
            return
        }
        guard start < n else { return }
        for v in start..<n {
            chosen.append(v)
            try search(v + 1)
            chosen.removeLast()
        }
    }
    try search(0)
    return (best, bestSet, all)
}

/// Wilson–Hilferty: a chi-square statistic on `df` degrees of freedom as an approximately standard
/// normal deviate, ((χ²/df)^(1/3) − (1 − 2/(9df))) / √(2/(9df)).
func chiSquareDeviate(_ chiSquare: Double, degreesOfFreedom df: Int) -> Double {
    let k = Double(df)
    return (Foundation.cbrt(chiSquare / k) - (1 - 2 / (9 * k))) / (2 / (9 * k)).squareRoot()
}

/// Prints a statistic when `INFLUENCEKIT_TEST_REPORT` is set (how the figures quoted in comments
/// and release notes were read off a run); silent otherwise.
func reportStatistic(_ text: @autoclosure () -> String) {
    if getenv("INFLUENCEKIT_TEST_REPORT") != nil { print("[statistic] \(text())") }
}

/// Expects two graphs to be the same: topology, arc map, values, merged arcs, labels (exactly, or
/// only as label texts when one side may store them differently) and load statistics.
func expectSameGraph(_ a: InfluenceGraph, _ b: InfluenceGraph, labelsByText: Bool = false,
                     sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.nodeCount == b.nodeCount, sourceLocation: sourceLocation)
    #expect(a.outOffsets == b.outOffsets, sourceLocation: sourceLocation)
    #expect(a.outTargets == b.outTargets, sourceLocation: sourceLocation)
    #expect(a.inOffsets == b.inOffsets, sourceLocation: sourceLocation)
    #expect(a.inSources == b.inSources, sourceLocation: sourceLocation)
    #expect(a.inArcs == b.inArcs, sourceLocation: sourceLocation)
    #expect(a.arcValues == b.arcValues, sourceLocation: sourceLocation)
    #expect(a.parallelArcs == b.parallelArcs, sourceLocation: sourceLocation)
    if labelsByText {
        #expect((0..<a.nodeCount).map { a.label(of: $0) } == (0..<b.nodeCount).map { b.label(of: $0) }, sourceLocation: sourceLocation)
    } else {
        #expect(a.labels == b.labels, sourceLocation: sourceLocation)
    }
    #expect(a.statistics.selfLoopsDropped == b.statistics.selfLoopsDropped, sourceLocation: sourceLocation)
    #expect(a.statistics.parallelArcs == b.statistics.parallelArcs, sourceLocation: sourceLocation)
    #expect(a.statistics.parallelArcsMerged == b.statistics.parallelArcsMerged, sourceLocation: sourceLocation)
    #expect(a.statistics.undirectedInput == b.statistics.undirectedInput, sourceLocation: sourceLocation)
}
