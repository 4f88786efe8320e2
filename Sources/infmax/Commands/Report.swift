import ArgumentParser
import FoundationEssentials
import InfluenceKit

/// `infmax report RECORD.json --output report.html`: one self-contained HTML page for a record.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn a record (the JSON any command writes with --output) into one self-contained HTML page.",
        discussion: """
        Reads a record of any command — seeds, simulate, compare, cim (one AP set or all), closed, \
        recommend, embed, probe, or run — and writes one HTML page: what was run (the request, the \
        graph's provenance, versions) and how to run it again, the answer as sortable tables (seeds, \
        assignments, kept arcs, lists), the guarantee and intervals in words, the plots that fit \
        the record (spread against k with intervals, selection time against k, OPIM-C's rounds with \
        the bounds closing, the trade-off frontier, per-seed spreads, probe accuracy), and timings \
        and memory.

        The page needs no other file and makes no network request (CSS, SVG and a small sorting \
        script are inline; its Content-Security-Policy forbids any request). It reads on a \
        phone-width screen and prints cleanly. Every command that writes a record also takes \
        --report FILE.html to write the page directly. --output is written atomically; - prints \
        the page.

        Examples:
          infmax seeds Graphs/demo.txt --k 10 --output seeds.json
          infmax report seeds.json --output seeds.html
          infmax compare Graphs/demo.txt --k 1,5,10 --report compare.html
        """
    )

    @Argument(help: ArgumentHelp("The record file (JSON), or - for standard input.", valueName: "record.json"))
    var record: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The HTML page to write (atomically; - for standard output).", valueName: "report.html"))
    var output: String

    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try reportingErrors {
            let target = try OutputTarget.prepare([("--output", output)], inputs: [record])[0]
            let bytes = try FileContents.read(record, limitBytes: 256 << 20)
            let html = try HTMLReport.render(recordJSON: bytes, file: record == "-" ? nil : record)
            try OutputTarget.write([(target, Array(html.utf8))])
            if target?.isStandardOutput == true { return }
            if outputOptions.json {
                print(try jsonText(["output": output, "record": record, "bytes": String(html.utf8.count)]))
            } else if !outputOptions.quiet {
                printError("wrote \(output) (\(html.utf8.count) bytes)")
            }
        }
    }
}

/// `--report FILE.html`: the HTML page of the record a command writes (see `infmax report`).
struct ReportOption: ParsableArguments {
    @Option(help: ArgumentHelp("Also write the record as a self-contained HTML page (tables, plots, guarantee in words; see `infmax report`).", valueName: "FILE.html"))
    var report: String?

    /// The (flag, path) pair `OutputTarget.prepare` takes.
    var output: (flag: String, path: String?) { ("--report", report) }

    /// The page's bytes for `record` (empty when no page was asked for); `recordFile` is where the
    /// record itself is saved, if anywhere (the page's rerun command names it).
    func bytes<R: Encodable>(for record: R, recordFile: String?) throws(InfluenceError) -> [UInt8] {
        guard report != nil else { return [] }
        return Array(try HTMLReport.render(record, file: recordFile == "-" ? nil : recordFile).utf8)
    }
}
