/// The counting-sort kernels that turn arc lists into CSR rows, over unsafe buffers (these run on
/// every load: 10M arcs should take a fraction of a second).
enum CSRConstruction {
    /// Row offsets (n + 1 entries) for arcs keyed by `keys`. Complexity: O(n + m).
    static func offsets(keys: [UInt32], nodeCount n: Int) -> [Int] {
        var offsets = [Int](repeating: 0, count: n + 1)
        keys.withUnsafeBufferPointer { k in
            offsets.withUnsafeMutableBufferPointer { off in
                for key in k { off[Int(key) + 1] &+= 1 }
                var running = 0
                for i in 0...n { running &+= off[i]; off[i] = running }
            }
        }
        return offsets
    }

    /// `items` moved into the rows given by `keys` and `offsets`, keeping their order within a row.
    /// Complexity: O(n + m).
    static func scatter<T: BitwiseCopyable>(keys: [UInt32], items: [T], offsets: [Int]) -> [T] {
        var cursor = offsets
        return [T](unsafeUninitializedCapacity: keys.count) { out, initialized in
            keys.withUnsafeBufferPointer { k in
                items.withUnsafeBufferPointer { p in
                    cursor.withUnsafeMutableBufferPointer { cur in
                        for a in 0..<k.count {
                            let row = Int(k[a])
                            let slot = cur[row]
                            cur[row] = slot &+ 1
                            (out.baseAddress! + slot).initialize(to: p[a])
                        }
                    }
                }
            }
            initialized = keys.count
        }
    }

    /// Counts arcs that repeat an earlier (row, target) pair, with one epoch-stamped mark per
    /// target, and each node's in-degree. Complexity: O(n + m).
    static func parallelArcsAndInDegrees(offsets: [Int], targets: [UInt32], nodeCount n: Int) -> (parallel: Int, inDegree: [Int]) {
        var stamp = [UInt32](repeating: UInt32.max, count: n)
        var inDegree = [Int](repeating: 0, count: n)
        var parallel = 0
        offsets.withUnsafeBufferPointer { off in
            targets.withUnsafeBufferPointer { tgt in
                stamp.withUnsafeMutableBufferPointer { st in
                    inDegree.withUnsafeMutableBufferPointer { deg in
                        for u in 0..<n {
                            let mark = UInt32(truncatingIfNeeded: u)
                            for a in off[u]..<off[u + 1] {
                                let v = Int(tgt[a])
                                deg[v] &+= 1
                                if st[v] == mark { parallel &+= 1 } else { st[v] = mark }
                            }
                        }
                    }
                }
            }
        }
        return (parallel, inDegree)
    }

    /// Merges parallel arcs: the first arc of each (row, target) pair becomes the merged arc, in
    /// the row's order of first appearance, and remembers every input arc (CSR position) it
    /// stands for. Complexity: O(n + m).
    static func mergeParallelArcs(offsets: [Int], targets: [UInt32], nodeCount n: Int)
        -> (offsets: [Int], targets: [UInt32], groups: ParallelArcGroups) {
        let inputCount = targets.count
        var stamp = [UInt32](repeating: UInt32.max, count: n)
        var position = [Int](repeating: 0, count: n)
        var mergedOf = [Int](repeating: 0, count: inputCount)
        var newOffsets = [Int](repeating: 0, count: n + 1)
        var newTargets = [UInt32]()
        newTargets.reserveCapacity(inputCount)
        for u in 0..<n {
            newOffsets[u] = newTargets.count
            let mark = UInt32(truncatingIfNeeded: u)
            for a in offsets[u]..<offsets[u + 1] {
                let v = Int(targets[a])
                if stamp[v] == mark {
                    mergedOf[a] = position[v]
                } else {
                    stamp[v] = mark
                    position[v] = newTargets.count
                    mergedOf[a] = newTargets.count
                    newTargets.append(targets[a])
                }
            }
        }
        let m = newTargets.count
        newOffsets[n] = m
        var groupOffsets = [Int](repeating: 0, count: m + 1)
        for a in 0..<inputCount { groupOffsets[mergedOf[a] + 1] += 1 }
        for a in 0..<m { groupOffsets[a + 1] += groupOffsets[a] }
        var cursor = groupOffsets
        var inputArcs = [Int](repeating: 0, count: inputCount)
        for a in 0..<inputCount {
            let g = mergedOf[a]
            inputArcs[cursor[g]] = a
            cursor[g] += 1
        }
        return (newOffsets, newTargets, ParallelArcGroups(offsets: groupOffsets, inputArcs: inputArcs))
    }

    /// Reverse CSR sources (stable by forward row, so each in-row lists sources increasingly) and
    /// the forward arc of each reverse slot. Large graphs are scattered by two or more workers, each
    /// over a range of forward rows with its own cursors (the same arrays for any worker count).
    /// Complexity: O(n·workers + m).
    static func reverse(offsets: [Int], targets: [UInt32], inOffsets: [Int], nodeCount n: Int) -> (sources: [UInt32], forwardArc: [Int]) {
        reverse(offsets: offsets, targets: targets, inOffsets: inOffsets, nodeCount: n, arcType: Int.self)
    }

    /// As above, the forward arcs as `Arc` (UInt32 for reverse-only graphs: 4 bytes an arc).
    static func reverse<Arc: FixedWidthInteger>(offsets: [Int], targets: [UInt32], inOffsets: [Int], nodeCount n: Int,
                                                arcType: Arc.Type) -> (sources: [UInt32], forwardArc: [Arc]) {
        let m = targets.count
        let parts = max(1, min(Parallel.processorCount, m / 250_000))
        let bounds = Parallel.balancedRanges(offsets: offsets, parts: parts)
        // Each part's cursor per head: the row start plus the arcs of earlier parts into that head.
        var cursors = [[Int]](repeating: [], count: parts)
        if parts == 1 {
            cursors[0] = inOffsets
        } else {
            var counts = [[Int]](repeating: [], count: parts)
            counts.withUnsafeMutableBufferPointer { all in
                offsets.withUnsafeBufferPointer { off in
                    targets.withUnsafeBufferPointer { tgt in
                        let shared = UnsafeSharing((all, off, tgt))
                        Parallel.forEachTask(parts, workers: parts) { _, p in
                            let (all, off, tgt) = shared.value
                            var local = [Int](repeating: 0, count: n)
                            local.withUnsafeMutableBufferPointer { c in
                                for a in off[bounds[p]]..<off[bounds[p + 1]] { c[Int(tgt[a])] &+= 1 }
                            }
                            all[p] = local
                        }
                    }
                }
            }
            var running = Array(inOffsets.prefix(n))
            for p in 0..<parts {
                cursors[p] = running
                for v in 0..<n { running[v] &+= counts[p][v] }
            }
        }
        var sources = [UInt32](repeating: 0, count: m)
        var forwardArc = [Arc](repeating: 0, count: m)
        offsets.withUnsafeBufferPointer { off in
            targets.withUnsafeBufferPointer { tgt in
                sources.withUnsafeMutableBufferPointer { src in
                    forwardArc.withUnsafeMutableBufferPointer { perm in
                        cursors.withUnsafeMutableBufferPointer { allCursors in
                            let shared = UnsafeSharing((off, tgt, src, perm, allCursors))
                            Parallel.forEachTask(parts, workers: parts) { _, p in
                                let (off, tgt, src, perm, allCursors) = shared.value
                                allCursors[p].withUnsafeMutableBufferPointer { cur in
                                    for u in bounds[p]..<bounds[p + 1] {
                                        let label = UInt32(truncatingIfNeeded: u)
                                        for a in off[u]..<off[u &+ 1] {
                                            let v = Int(tgt[a])
                                            let slot = cur[v]
                                            cur[v] = slot &+ 1
                                            src[slot] = label
                                            perm[slot] = Arc(truncatingIfNeeded: a)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (sources, forwardArc)
    }

    /// `values` gathered in reverse-CSR order. Complexity: O(m).
    static func gather<Value>(_ values: [Value], by forwardArc: [Int]) -> [Value] {
        [Value](unsafeUninitializedCapacity: forwardArc.count) { out, initialized in
            values.withUnsafeBufferPointer { v in
                forwardArc.withUnsafeBufferPointer { perm in
                    for i in 0..<perm.count { out[i] = v[perm[i]] }
                }
            }
            initialized = forwardArc.count
        }
    }
}
