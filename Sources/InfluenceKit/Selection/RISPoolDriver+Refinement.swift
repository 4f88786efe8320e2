extension RISPoolDriver {
    /// A cap on the selection pool R1 during precision refinement: R1 grows to at most `limit`
    /// sets; when it binds, the run reports `name` with `reportedSets`.
    struct RefinementCap {
        var name: String
        var limit: Double
        var reportedSets: Int
    }

    /// The next size of R1 in a precision refinement (OPIM-C's, and the capacity-constrained
    /// OPIM variants'), or nil to stop refining.
    ///
    /// R1 alone grows to `wanted` sets, the size at which the refinement's measure would reach its
    /// precision (for the relative standard error of the coverage, `(1 − f) / (f · ρ²)` for
    /// coverage fraction f), with a 25% margin (greedy's coverage fraction shrinks a little on
    /// more sets), never beyond the smallest of `caps`, in whole tasks. `capped` becomes the cap that bound the size (nil when none did),
    /// or `memory-limit` when the grown pools would not fit the budget (a note goes to progress).
    ///
    /// Complexity: O(caps).
    func refinedSelectionSize(wanted: Double, caps: [RefinementCap], r1: RRSetCollection,
                              r2: RRSetCollection, capped: inout (cap: String, sets: Int)?) -> Int? {
        var allowed = 1.25 * wanted
        capped = nil
        for cap in caps where cap.limit < allowed {
            allowed = cap.limit
            capped = (cap.name, cap.reportedSets)
        }
        let grown = Int(allowed.rounded(.down)) / RRSetSampler.setsPerTask * RRSetSampler.setsPerTask
        guard grown > r1.globalCount else { return nil }
        // This rank's estimate; the largest decides on every rank, so all stop together.
        let need = communicator.maximum(
            estimate([.init(before: r1.globalCount, after: grown), .init(before: r2.globalCount, after: r2.globalCount)],
                     indexedSets: grown, meanSetSize: r1.meanSetSize))
        if need > memory.limitBytes {
            capped = ("memory-limit", grown)
            progress.note("precision refinement stopped: \(grown) RR sets would need about \(SystemMemory.describe(need)) (limit \(SystemMemory.describe(memory.limitBytes)))")
            return nil
        }
        return grown
    }
}
