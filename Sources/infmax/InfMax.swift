import ArgumentParser
import FoundationEssentials
import InfluenceKit

@main
struct InfMax: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infmax",
        abstract: "Influence maximization: load graphs, simulate cascades, pick seed sets.",
        discussion: """
        Graphs are edge lists (`u v` or `u v p` per line, SNAP style, .gz read transparently), \
        GraphML, GML, Pajek, NCOL, LGL, or .infgraph snapshots written by `infmax convert`.

        Start with `infmax info GRAPH` to see what was loaded.
        """,
        version: InfluenceKitVersion.library,
        subcommands: [Seeds.self, Simulate.self, Run.self, Compare.self, CIM.self, Closed.self, Recommend.self, Embed.self, Probe.self, Report.self, Info.self, Convert.self, Generate.self]
    )
}
