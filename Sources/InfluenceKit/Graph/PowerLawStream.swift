#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A directed power-law graph of given node and arc counts, drawn and written as a stream in
/// bounded memory (a Chung–Lu model with continuous weights; Chung and Lu, "Connected components
/// in random graphs with given expected degree sequences", 2002).
///
/// Each arc's tail is node i with probability ∝ ∫ from i+1 to i+2 of x^(−1/(γout − 1)) dx and its
/// head likewise with γin, drawn by inverting the continuous law (two `pow` a draw, no table), so
/// expected out- and in-degrees follow power laws of exponents γout and γin, with node 0 the
/// largest hub of both (as igraph's static power-law game orders its weights). A draw with tail =
/// head is drawn again; parallel arcs are kept (they are rare off the hubs, and the loader keeps or
/// merges them).
///
/// Arcs are drawn in blocks of `arcsPerBlock`; block b draws from stream (seed, b), so the file
/// depends on the seed alone, never on the thread count. Memory: `workers` blocks of text and ids
/// at a time, plus a bitmap of n bits to list the nodes no arc touched (so the file reads back with
/// exactly n nodes).
public struct PowerLawStream: Sendable {
    /// Nodes, n (at least 2, below 2³²).
    public let nodes: Int
    /// Arcs, m.
    public let arcs: Int
    /// γ of the out-degrees (at least 2).
    public let exponentOut: Double
    /// γ of the in-degrees (at least 2).
    public let exponentIn: Double
    /// The seed of every draw.
    public let seed: UInt64
    /// Arcs per block, the unit of parallel work and of the random streams.
    public static let arcsPerBlock = 1 << 18

    /// A stream; checks the sizes and exponents.
    ///
    /// - Throws: `.usage` naming `nodes`, `arcs` or `exponent`.
    /// - Complexity: O(1).
    public init(nodes: Int, arcs: Int, exponentOut: Double = 2.5, exponentIn: Double = 2.5, seed: UInt64 = 1) throws(InfluenceError) {
        guard nodes >= 2, nodes < Int(UInt32.max) else {
            throw InfluenceError(.usage, parameter: "nodes", "\(nodes) nodes (expected 2 to 4294967294)")
        }
        guard arcs >= 1 else { throw InfluenceError(.usage, parameter: "arcs", "\(arcs) arcs (expected at least 1)") }
        guard exponentOut >= 2, exponentOut.isFinite, exponentIn >= 2, exponentIn.isFinite else {
            throw InfluenceError(.usage, parameter: "exponent", "exponents \(exponentOut), \(exponentIn) (expected finite numbers of at least 2)")
        }
        self.nodes = nodes; self.arcs = arcs; self.exponentOut = exponentOut; self.exponentIn = exponentIn; self.seed = seed
    }

    /// The inverse of the continuous law ∝ x^(−α) on [1, n + 1): node ⌊x⌋ − 1 of a uniform u.
    struct Law {
        let oneMinusAlpha: Double, top: Double, inverse: Double, n: Int
        init(exponent: Double, nodes: Int) {
            let alpha = 1 / (exponent - 1)
            n = nodes
            oneMinusAlpha = 1 - alpha
            top = pow(Double(nodes) + 1, oneMinusAlpha) - 1
            inverse = 1 / oneMinusAlpha
        }
        @inline(__always) func node(_ u: Double) -> UInt32 {
            let x = pow(top * u + 1, inverse)
            return UInt32(min(n - 1, max(0, Int(x) - 1)))
        }
    }

    /// Draws the arcs of block `block` into `tails` and `heads` (cleared first).
    func draw(block: Int, tails: inout [UInt32], heads: inout [UInt32]) {
        let out = Law(exponent: exponentOut, nodes: nodes), into = Law(exponent: exponentIn, nodes: nodes)
        var rng = Xoshiro256StarStar(seed: seed, stream: 0x706C_7374_0000_0000 | UInt64(block)) // "plst"
        let count = min(Self.arcsPerBlock, arcs - block * Self.arcsPerBlock)
        tails.removeAll(keepingCapacity: true); heads.removeAll(keepingCapacity: true)
        while tails.count < count {
            let u = out.node(rng.nextUnitDouble()), v = into.node(rng.nextUnitDouble())
            if u == v { continue }
            tails.append(u); heads.append(v)
        }
    }

    /// Appends `value` in decimal to `text`.
    @inline(__always)
    static func appendDecimal(_ value: UInt32, to text: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var v = value, count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat { d[count] = UInt8(48 + v % 10); v /= 10; count += 1 } while v > 0
            while count > 0 { count -= 1; text.append(d[count]) }
        }
    }

    /// Draws every arc and hands the text to `sink` in order: a header comment, then "u v" lines
    /// block by block, then the nodes no arc touched, one per line.
    ///
    /// - Parameters:
    ///   - recipe: the command that made the file, for the header.
    ///   - workers: threads drawing and formatting blocks (the output does not depend on them).
    ///   - sink: receives the bytes in order; what it throws ends the stream.
    /// - Complexity: O(m) time; O(workers · block + n/8) memory.
    public func write(recipe: String, workers: Int, sink: (UnsafeRawBufferPointer) throws(InfluenceError) -> Void) throws(InfluenceError) {
        let header = "# \(recipe)\n# \(nodes) nodes, \(arcs) arcs (directed), Chung-Lu power law, exponents \(exponentOut) out, \(exponentIn) in\n"
        try Self.emit(Array(header.utf8), sink)
        var touched = [UInt64](repeating: 0, count: (nodes + 63) / 64)
        let blocks = (arcs + Self.arcsPerBlock - 1) / Self.arcsPerBlock
        let lanes = max(1, min(workers, blocks))
        var texts = [[UInt8]](repeating: [], count: lanes)
        var tails = [[UInt32]](repeating: [], count: lanes), heads = [[UInt32]](repeating: [], count: lanes)
        var first = 0
        while first < blocks {
            let batch = min(lanes, blocks - first)
            texts.withUnsafeMutableBufferPointer { t in
                tails.withUnsafeMutableBufferPointer { ta in
                    heads.withUnsafeMutableBufferPointer { he in
                        let tBox = UnsafeSharing(t), taBox = UnsafeSharing(ta), heBox = UnsafeSharing(he)
                        Parallel.forEachTask(batch, workers: batch) { _, lane in
                            self.draw(block: first + lane, tails: &taBox.value[lane], heads: &heBox.value[lane])
                            var text = tBox.value[lane]
                            text.removeAll(keepingCapacity: true)
                            text.reserveCapacity(taBox.value[lane].count * 18)
                            for a in 0..<taBox.value[lane].count {
                                Self.appendDecimal(taBox.value[lane][a], to: &text)
                                text.append(32)
                                Self.appendDecimal(heBox.value[lane][a], to: &text)
                                text.append(10)
                            }
                            tBox.value[lane] = text
                        }
                    }
                }
            }
            for lane in 0..<batch {
                for u in tails[lane] { touched[Int(u) >> 6] |= 1 << UInt64(u & 63) }
                for v in heads[lane] { touched[Int(v) >> 6] |= 1 << UInt64(v & 63) }
                try Self.emit(texts[lane], sink)
            }
            first += batch
        }
        var isolated: [UInt8] = []
        var count = 0
        for v in 0..<nodes where touched[v >> 6] & (1 << UInt64(v & 63)) == 0 {
            if count == 0 { isolated.append(contentsOf: Array("# isolated nodes (no arcs), one per line:\n".utf8)) }
            count += 1
            Self.appendDecimal(UInt32(v), to: &isolated)
            isolated.append(10)
            if isolated.count >= 1 << 22 {
                try Self.emit(isolated, sink)
                isolated.removeAll(keepingCapacity: true)
            }
        }
        if !isolated.isEmpty { try Self.emit(isolated, sink) }
    }

    /// Hands `bytes` to `sink`.
    private static func emit(_ bytes: [UInt8], _ sink: (UnsafeRawBufferPointer) throws(InfluenceError) -> Void) throws(InfluenceError) {
        var failure: InfluenceError?
        bytes.withUnsafeBytes { b in
            do throws(InfluenceError) { try sink(b) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}
