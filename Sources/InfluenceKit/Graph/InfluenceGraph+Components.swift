/// The connected components of a graph: a component number per node.
public struct GraphComponents: Sendable, Equatable {
    /// The component of each node, numbered `0..<count`.
    public let component: [UInt32]
    /// Number of components.
    public let count: Int

    /// Nodes in each component (indexed by component number). Complexity: O(n).
    public var sizes: [Int] {
        var sizes = [Int](repeating: 0, count: count)
        for c in component { sizes[Int(c)] += 1 }
        return sizes
    }

    /// Count and size of the largest component (0 for an empty graph). Complexity: O(n).
    public var summary: ComponentSummary { ComponentSummary(count: count, largest: sizes.max() ?? 0) }
}

extension InfluenceGraph {
    /// Weakly connected components (arcs taken in both directions), by union-find with path
    /// halving and union by size over the forward CSR; iterative, so any size of graph is safe.
    /// Components are numbered in order of their smallest node.
    ///
    /// Complexity: O((n + m) α(n)) time, O(n) extra memory.
    public func weaklyConnectedComponents() -> GraphComponents {
        let n = nodeCount
        var parent = (0..<n).map { UInt32($0) }
        var size = [UInt32](repeating: 1, count: n)
        func root(_ x: Int) -> Int {
            var x = x
            while Int(parent[x]) != x {
                let grand = parent[Int(parent[x])]
                parent[x] = grand
                x = Int(grand)
            }
            return x
        }
        for u in 0..<n {
            for arc in outOffsets[u]..<outOffsets[u + 1] {
                var a = root(u), b = root(Int(outTargets[arc]))
                if a == b { continue }
                if size[a] < size[b] { swap(&a, &b) }
                parent[b] = UInt32(a)
                size[a] += size[b]
            }
        }
        let unassigned = UInt32.max
        var numberOfRoot = [UInt32](repeating: unassigned, count: n)
        var component = [UInt32](repeating: 0, count: n)
        var count = 0
        for v in 0..<n {
            let r = root(v)
            if numberOfRoot[r] == unassigned { numberOfRoot[r] = UInt32(count); count += 1 }
            component[v] = numberOfRoot[r]
        }
        return GraphComponents(component: component, count: count)
    }

    /// Strongly connected components, by Tarjan's algorithm run with explicit stacks (no
    /// recursion, so million-node paths do not overflow the call stack). Components are numbered
    /// in the order Tarjan completes them (a component before any that reaches it).
    ///
    /// [Tarjan 1972, Depth-first search and linear graph algorithms](https://doi.org/10.1137/0201010)
    ///
    /// Complexity: O(n + m) time, O(n) extra memory.
    public func stronglyConnectedComponents() -> GraphComponents {
        let n = nodeCount
        let unvisited = UInt32.max
        var order = [UInt32](repeating: unvisited, count: n)   // discovery index
        var low = [UInt32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var component = [UInt32](repeating: 0, count: n)
        var stack: [UInt32] = []
        // The depth-first path: each node with the next of its arcs to follow.
        var path: [(node: Int, next: Int)] = []
        var discovered: UInt32 = 0
        var count = 0
        for start in 0..<n where order[start] == unvisited {
            order[start] = discovered; low[start] = discovered; discovered += 1
            stack.append(UInt32(start)); onStack[start] = true
            path.append((start, outOffsets[start]))
            while let top = path.last {
                let v = top.node
                if top.next < outOffsets[v + 1] {
                    path[path.count - 1].next += 1
                    let w = Int(outTargets[top.next])
                    if order[w] == unvisited {
                        order[w] = discovered; low[w] = discovered; discovered += 1
                        stack.append(UInt32(w)); onStack[w] = true
                        path.append((w, outOffsets[w]))
                    } else if onStack[w] {
                        low[v] = min(low[v], order[w])
                    }
                    continue
                }
                path.removeLast()
                if let parent = path.last { low[parent.node] = min(low[parent.node], low[v]) }
                if low[v] == order[v] {
                    while let w = stack.popLast() {
                        onStack[Int(w)] = false
                        component[Int(w)] = UInt32(count)
                        if Int(w) == v { break }
                    }
                    count += 1
                }
            }
        }
        return GraphComponents(component: component, count: count)
    }
}
