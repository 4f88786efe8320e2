import Foundation
import Synchronization
import Testing
import GraphInfomax
import InfluenceKit

/// A fresh path per call (process id, a counter over the process, then `name`), so that no two
/// tests or cases share one.
func temporaryPath(_ name: String) -> String {
    let number = temporaryPathCounter.add(1, ordering: .relaxed).oldValue
    return NSTemporaryDirectory() + "graphinfomax-\(getpid())-\(number)-\(name)"
}

/// Numbers `temporaryPath`'s paths.
private let temporaryPathCounter = Atomic<Int>(0)

func write(_ text: String, _ name: String) throws -> String {
    let path = temporaryPath(name)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

@Suite struct FileFormatTests {
    func graph(_ edges: String = "0 1\n1 2\n2 3\n") throws -> InfluenceGraph {
        try GraphLoader.load(try write(edges, "g.txt"), options: GraphLoadOptions(undirected: true)).graph
    }

    @Test func featureFormatsGiveTheSameMatrix() throws {
        let g = try graph()
        let dense = try NodeFeatureFile.read(try write("0 1 0 2\n1 0 0 0\n2 0 3 0\n3 1 1 1\n", "dense.txt"), graph: g)
        let sparse = try NodeFeatureFile.read(try write("0 0:1 2:2\n2 1:3\n3 0:1 1:1 2:1\n", "sparse.txt"), graph: g)
        let pairs = try NodeFeatureFile.read(try write("# node index value\n0 0\n0 2 2\n2 1 3\n3 0\n3 1\n3 2\n", "pairs.txt"), graph: g)
        guard case .dense(let d) = dense, case .sparse(let s, _) = sparse, case .sparse(let p, _) = pairs else {
            Issue.record("formats not detected: \(dense), \(sparse), \(pairs)"); return
        }
        #expect(d == s.dense() && d == p.dense())
        #expect(d[1, 0] == 0 && d[0, 2] == 2 && d[2, 1] == 3)
    }

    @Test func featureErrorsNameFileAndLine() throws {
        let g = try graph()
        let cases: [(String, FeatureFileFormat, String)] = [
            ("0 1 2\n1 3\n", .dense, ":2: 1 values (expected 2, as on line 1)"),
            ("0 1 2\n9 3 4\n", .dense, ":2: node '9' is not in the graph"),
            ("0 0:1\n1 x:2\n", .sparse, ":2: 'x' is not a feature index"),
            ("0 0:1\n0 1:2\n", .sparse, ":2: node '0' already has a row on line 1"),
            ("0 1\n0 2\n1 nan\n", .pairs, ":3: 'nan' is not a feature index"),
            ("0 1 inf\n", .pairs, ":1: 'inf' is not a finite number"),
        ]
        for (text, format, message) in cases {
            let path = try write(text, "bad.txt")
            #expect {
                try NodeFeatureFile.read(path, format: format, graph: g)
            } throws: { error in
                guard let e = error as? InfluenceError else { return false }
                return e.kind == .data && e.description.hasPrefix(path) && e.description.contains(message)
            }
        }
    }

    @Test func labelsAndSplits() throws {
        let index = ["a": 0, "b": 1, "c": 2]
        let lookup: (Substring) -> Int? = { index[String($0)] }
        #expect(try NodeLabelFile.readClasses(try write("a 1\nc -1\n", "labels.txt"), rows: 3, node: lookup) == [1, -1, -1])
        #expect(try NodeLabelFile.readSplit(try write("c\na\n", "split.txt"), node: lookup) == [2, 0])
        let bad = try write("a 1\nz 0\n", "badlabels.txt")
        #expect(throws: InfluenceError(.data, file: bad, line: 2, "node 'z' is not in the embedding (expected one of its node labels)")) {
            try NodeLabelFile.readClasses(bad, rows: 3, node: lookup)
        }
    }

    @Test func npyHeaderIsAlignedAndRoundTrips() throws {
        let m = Matrix<Float>(rows: 3, columns: 5, values: (0..<15).map { Float($0) * 0.25 - 1 })
        let bytes = NumpyArrayFile.encode(m)
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        #expect(Array(bytes[0..<8]) == [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0])
        #expect((10 + headerLength) % 64 == 0 && bytes[10 + headerLength - 1] == 0x0A)
        #expect(String(decoding: bytes[10..<10 + headerLength], as: UTF8.self).hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 5), }"))
        #expect(bytes.count == 10 + headerLength + 60)
        #expect(try NumpyArrayFile.decode(bytes, path: "m.npy") == m)
        #expect(throws: InfluenceError.self) { try NumpyArrayFile.decode(Array(bytes.dropLast()), path: "m.npy") }
    }

    /// numpy.load reads the file unchanged (when this machine's Python has numpy).
    @Test func npyLoadsWithNumpy() throws {
        let python = ["/usr/bin/python3", CLIPaths.root + "/Bench/.venv/bin/python"].first { hasNumpy($0) }
        guard let python else {
            print("skipped: no Python with numpy here (python3 -c 'import numpy' fails); the header is checked in npyHeaderIsAlignedAndRoundTrips")
            return
        }
        let m = Matrix<Float>(rows: 4, columns: 3, values: [1.5, -2, 3, 0, 1e-3, 7, 8, 9, -10, 11, 12.25, 13])
        let path = temporaryPath("np.npy")
        try NodeEmbeddings(labels: ["0", "1", "2", "3"], vectors: m).save(to: path)
        let result = run(python, ["-c", "import numpy, sys; a = numpy.load(sys.argv[1]); print(a.dtype, a.shape, repr(a.ravel().tolist()))", path])
        #expect(result == "float32 (4, 3) [1.5, -2.0, 3.0, 0.0, 0.0010000000474974513, 7.0, 8.0, 9.0, -10.0, 11.0, 12.25, 13.0]")
    }

    @Test func embeddingsTSVRoundTripAndNearest() throws {
        let e = NodeEmbeddings(labels: ["x", "y", "z"], vectors: Matrix(rows: 3, columns: 2, values: [1, 0, 0.9, 0.1, -1, 0]))
        let path = temporaryPath("e.tsv")
        try e.save(to: path)
        #expect(try NodeEmbeddings.load(path) == e)
        #expect(e.nearest(to: "x", k: 1).map(\.label) == ["y"])
        #expect(throws: InfluenceError.self) { try e.save(to: temporaryPath("e.npy")) }
    }

    func hasNumpy(_ python: String) -> Bool {
        FileManager.default.isExecutableFile(atPath: python) && run(python, ["-c", "import numpy"]) != nil
    }

    /// Standard output of a process that exited 0, trimmed; nil otherwise.
    func run(_ executable: String, _ arguments: [String]) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

enum CLIPaths {
    static var root: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }
}
