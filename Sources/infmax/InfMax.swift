import ArgumentParser
import Foundation
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
        subcommands: [Seeds.self, Simulate.self, Compare.self, Info.self, Convert.self, Generate.self]
    )
}

extension InfMax {
    /// Runs the command line. Usage mistakes the argument parser catches (an unknown option, a
    /// value out of range) exit with status 2, like the usage errors the library reports; bad data
    /// exits with 1. SIGINT, SIGTERM and SIGHUP remove prepared output temporaries first.
    static func main() {
        // An interrupted run removes the temporaries of the outputs it prepared.
        OutputFile.removeTemporariesOnSignal()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
