/// What a sampling kernel needs about one node, packed into 16 bytes so that visiting a node
/// touches one cache line: where its in-arcs start in the reverse CSR, how many there are, how
/// they are drawn, and one model-specific parameter.
struct SamplingNode {
    /// First in-arc position in the reverse CSR.
    var start: UInt32
    /// In-degree in the low 29 bits, the drawing mode in the top 3.
    var packed: UInt32
    /// Mode-specific: 1/ln(1 − p) for geometric skips, the shared LT weight, or the bucket range.
    var parameter: Double

    init(start: Int, degree: Int, mode: UInt8, parameter: Double) {
        self.start = UInt32(start)
        packed = UInt32(degree) | (UInt32(mode) << 29)
        self.parameter = parameter
    }

    @inline(__always) var degree: Int { Int(packed & 0x1FFF_FFFF) }
    @inline(__always) var mode: UInt32 { packed >> 29 }

    /// The largest in-degree and arc position the packing holds.
    static let degreeLimit = 0x1FFF_FFFF
    static let arcLimit = Int(UInt32.max)

    /// Whether every node of `graph` packs: fewer than 2³² arcs and in-degrees below 2²⁹.
    /// Complexity: O(n).
    static func packs(_ graph: InfluenceGraph) -> Bool {
        graph.arcCount < arcLimit && (0..<graph.nodeCount).allSatisfy { graph.inDegree($0) <= degreeLimit }
    }
}
