import ArgumentParser
import FoundationEssentials
import GraphInfomax
import InfluenceKit

/// `infmax run FILE`: runs any request or record file through the library's one call per use case.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a request file, or rerun the request of a record, on the graph it names.",
        discussion: """
        FILE is a JSON document {"useCase": "seeds" | "simulate" | "recommend" | "embed" | "probe", \
        "graph": {"path": …, "load": {…}}, "request": {…}}: a request written by hand (every \
        request key but the required ones may be left out and takes its default), or a record \
        that `infmax seeds`, `simulate`, `recommend`, `embed`, `probe` or this command wrote with \
        --json or --output. An invitation graph is named by its files ("graph": {"arcsFile": …, \
        "nodeValuesFile": …, "invitersFile": …}), a probe's embeddings by "embeddings": {"path": …}; \
        an embed request writes the embeddings to its "output" file when it names one. A record reruns its own request on the graph \
        its provenance names: the same seed and threads give the same result, bit for bit, and \
        when the graph's content hash differs from the record's (the file changed since) a note \
        says so on standard error. - reads the document from standard input.

        The record is printed as JSON (the same as the use case's command prints with --json).

        Examples:
          infmax seeds Graphs/demo.txt --k 10 --output seeds.json
          infmax run seeds.json
          echo '{"useCase": "simulate", "graph": {"path": "Graphs/demo.txt"}, "request": {"seeds": ["0", "1"]}}' | infmax run -
        """
    )

    @Argument(help: ArgumentHelp("The request or record file (JSON), or - for standard input.", valueName: "file"))
    var file: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Also write the JSON record to this file (atomically; - for standard output).", valueName: "FILE"))
    var output: String?

    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var reportOption: ReportOption

    func run() throws {
        try reportingErrors {
            let targets = try OutputTarget.prepare([("--output", output), reportOption.output], inputs: [file])
            let target = targets[0]
            let bytes = try FileContents.read(file, limitBytes: 64 << 20)
            let document = try RunDocument.decode(bytes, file: file == "-" ? "standard input" : file, registry: .withEmbeddings)
            let outcome = try document.run(context: RunContext(progress: outputOptions.progressReporter))
            if let now = outcome.changedHash, let before = document.graph?.contentHash, !outputOptions.quiet {
                printError("note: \(document.graph?.path ?? "the graph") has content hash \(now), the record's was \(before): the graph changed since the record was made")
            }
            let text = try jsonText(outcome.record)
            if target?.isStandardOutput != true { print(text) }
            let page = reportOption.report == nil ? [] : Array(try HTMLReport.render(recordJSON: Array(text.utf8), file: output == "-" ? nil : output).utf8)
            try OutputTarget.write([(target, Array((text + "\n").utf8)), (targets[1], page)])
        }
    }
}
