extension InfluenceGraph {
    /// This graph with one more named value column (an arc column holds one value per input arc,
    /// in the order of `arcValues`; a node column one per dense node id). Topology, labels and
    /// the other columns are shared, not copied.
    ///
    /// - Throws: `InfluenceError(.usage)` (parameter `columns`) when the scope already has a
    ///   column of that name; `InfluenceError(.data)` for a wrong length or a bad value (see
    ///   `ValueColumns.check`).
    /// - Complexity: O(length of the column + number of columns).
    public func adding(_ column: ValueColumn) throws(InfluenceError) -> InfluenceGraph {
        var columns = self.columns
        try columns.insert(column)
        try ValueColumns([column]).check(inputArcCount: inputArcCount, nodeCount: nodeCount)
        return InfluenceGraph(unchecked: nodeCount, outOffsets: outOffsets, outTargets: outTargets, inOffsets: inOffsets,
                              inSources: inSources, inArcs: inArcs, columns: columns, parallelArcs: parallelArcs,
                              labels: labels, statistics: statistics)
    }
}
