/// What a record adds for a run over several ranks: how many, and what each rank spent and held.
public struct DistributedRunRecord: Codable, Sendable, Equatable {
    /// One rank's share of the run.
    public struct Rank: Codable, Sendable, Equatable {
        /// The rank's number.
        public var rank: Int
        /// Seconds per phase, in the order of the record's `timings.phases` (Monte Carlo: one
        /// phase, `simulating`).
        public var phases: [PhaseTiming]
        /// Seconds this rank spent loading the graph.
        public var loadSeconds: Double
        /// Seconds this rank spent in the evaluation.
        public var evaluationSeconds: Double
        /// Seconds of this rank's whole run.
        public var totalSeconds: Double
        /// The most bytes this rank's RR sets and index held at once (0 for Monte Carlo).
        public var peakRRSetBytes: Int
        /// Peak resident set size of this rank's process, in bytes.
        public var peakResidentBytes: Int
        /// Bytes of payload this rank passed to reductions and gathers.
        public var communicationBytes: Int

        /// A rank's figures. Complexity: O(1).
        public init(rank: Int, phases: [PhaseTiming], loadSeconds: Double, evaluationSeconds: Double, totalSeconds: Double,
                    peakRRSetBytes: Int, peakResidentBytes: Int, communicationBytes: Int) {
            self.rank = rank; self.phases = phases; self.loadSeconds = loadSeconds
            self.evaluationSeconds = evaluationSeconds; self.totalSeconds = totalSeconds
            self.peakRRSetBytes = peakRRSetBytes; self.peakResidentBytes = peakResidentBytes
            self.communicationBytes = communicationBytes
        }
    }

    /// The rank count.
    public var ranks: Int
    /// Open MPI's version, when known.
    public var library: String?
    /// Every rank, in rank order.
    public var perRank: [Rank]

    /// A record from its parts. Complexity: O(1).
    public init(ranks: Int, library: String?, perRank: [Rank]) {
        self.ranks = ranks
        self.library = library
        self.perRank = perRank
    }

    /// Collective: every rank's figures, gathered to every rank (phase names from this rank; all
    /// ranks run the same phases). Complexity: one gather of O(phases) numbers per rank.
    public static func gather(_ communicator: any Communicator, phases: [PhaseTiming], evaluationSeconds: Double,
                              loadSeconds: Double, totalSeconds: Double, peakRRSetBytes: Int,
                              peakResidentBytes: Int) -> DistributedRunRecord {
        let payload = communicator.payloadBytes
        let mine = phases.map(\.seconds) + [loadSeconds, evaluationSeconds, totalSeconds, Double(peakRRSetBytes),
                                            Double(peakResidentBytes), Double(payload)]
        let all = communicator.allGather(mine)
        let ranks = all.enumerated().map { rank, values in
            let p = phases.count
            return Rank(rank: rank,
                        phases: phases.enumerated().map { i, phase in PhaseTiming(name: phase.name, seconds: values[i], rrSets: phase.rrSets) },
                        loadSeconds: values[p], evaluationSeconds: values[p + 1], totalSeconds: values[p + 2],
                        peakRRSetBytes: Int(values[p + 3]), peakResidentBytes: Int(values[p + 4]),
                        communicationBytes: Int(values[p + 5]))
        }
        return DistributedRunRecord(ranks: communicator.size, library: Cluster.libraryVersion, perRank: ranks)
    }
}
