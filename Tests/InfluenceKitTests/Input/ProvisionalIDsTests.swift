import Testing
@testable import InfluenceKit

/// The reader keeps provisional ids in 4 bytes while they fit and widens them to 8 at the first id
/// outside 0 ... 2³² − 1, in the middle of a file and of a chunk. The arcs and labels must be those
/// of the file whatever the width: each assertion lists every arc (tail, head) and every label, so
/// any id truncated to 32 bits (2⁴⁰ would become 0 and 2³² + 3 would become 3, colliding with
/// the file's 0 and 3), renumbered out of order or lost in the widening copy fails.
@Suite struct ProvisionalIDsTests {
    static func parse(_ text: String, chunkSize: Int) throws -> ArcList {
        try EdgeListReader.parse(Array(text.utf8), path: "ids.txt", undirected: false, readValues: false, chunkSize: chunkSize)
    }

    static func arcs(_ list: ArcList) -> [[UInt32]] {
        (0..<list.count).map { [list.sources[$0], list.targets[$0]] }
    }

    static func labels(_ list: ArcList) -> [String] {
        (0..<list.nodeCount).map { list.labels.label(of: $0) }
    }

    @Test(arguments: [8, 13, 4096])
    func widensInTheMiddleOfAFile(chunkSize: Int) throws {
        // Small ids first (kept in 4 bytes), then 2⁴⁰ and 2³² + 3 beside 0 and 3.
        let list = try Self.parse("0 3\n3 9\n1099511627776 0\n4294967299 3\n9 1099511627776\n", chunkSize: chunkSize)
        #expect(Self.labels(list) == ["0", "3", "9", "4294967299", "1099511627776"])
        #expect(Self.arcs(list) == [[0, 1], [1, 2], [4, 0], [3, 1], [2, 4]])
    }

    @Test(arguments: [8, 4096])
    func narrowIdsStayDense(chunkSize: Int) throws {
        // 4294967295 = 2³² − 1 still fits in 4 bytes.
        let list = try Self.parse("4294967295 2\n2 0\n0 4294967295\n", chunkSize: chunkSize)
        #expect(Self.labels(list) == ["0", "2", "4294967295"])
        #expect(Self.arcs(list) == [[2, 1], [1, 0], [0, 2]])
    }

    @Test(arguments: [8, 4096])
    func widenedIdsBecomeStringLabels(chunkSize: Int) throws {
        // A wide integer id, then a token that is not an integer: labels by first appearance.
        let list = try Self.parse("1099511627776 5\n5 x\nx 1099511627776\n", chunkSize: chunkSize)
        #expect(Self.labels(list) == ["1099511627776", "5", "x"])
        #expect(Self.arcs(list) == [[0, 1], [1, 2], [2, 0]])
    }
}
