extension RRSetCollection {
    /// Builds the node → set index by a counting sort over the members (set ids come out
    /// increasing within each node's row).
    ///
    /// - Precondition: fewer than 2³² sets.
    /// - Complexity: O(Σ|R| + n) time, 4·Σ|R| + 8·n bytes.
    public func makeInvertedIndex() -> RRSetInvertedIndex {
        precondition(count < Int(UInt32.max), "an inverted index holds fewer than 2^32 sets")
        let n = nodeCount
        var nodeOffsets = [Int](repeating: 0, count: n + 1)
        let total = memberCount
        let setIDs = [UInt32](unsafeUninitializedCapacity: total) { ids, initialized in
            members.withUnsafeBufferPointer { mem in
                offsets.withUnsafeBufferPointer { off in
                    nodeOffsets.withUnsafeMutableBufferPointer { start in
                        for v in mem { start[Int(v) + 1] &+= 1 }
                        var running = 0
                        for v in 0..<n {
                            let c = start[v + 1]
                            start[v + 1] = running
                            running &+= c
                        }
                        // start[v + 1] is now the write cursor of node v; after the fill it is the
                        // end of v's row, which is what offset v + 1 must be.
                        let sets = off.count - 1
                        for j in 0..<sets {
                            let id = UInt32(truncatingIfNeeded: j)
                            for i in off[j]..<off[j + 1] {
                                let v = Int(mem[i]) + 1
                                let slot = start[v]
                                ids[slot] = id
                                start[v] = slot &+ 1
                            }
                        }
                    }
                }
            }
            initialized = total
        }
        return RRSetInvertedIndex(nodeOffsets: nodeOffsets, setIDs: setIDs)
    }
}
