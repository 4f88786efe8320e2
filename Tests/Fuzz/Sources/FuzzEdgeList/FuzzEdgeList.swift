import FuzzSupport
import InfluenceKit

/// libFuzzer entry point for edge lists: the first byte picks the options (see
/// `EdgeListFuzzOptions`), the rest is the file. Gzip data (a body starting 1F 8B) always goes
/// through the loader under a `.gz` name. A thrown `InfluenceError` is an expected result; only a
/// crash or a sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = fuzzBytes(data, size)
    guard let first = input.first else { return 0 }
    let options = EdgeListFuzzOptions(first)
    let body = Array(input.dropFirst())
    let gzip = body.count >= 2 && body[0] == 0x1F && body[1] == 0x8B
    do throws(InfluenceError) {
        let graph: InfluenceGraph
        if gzip {
            graph = try EdgeListEntry.load(body, name: "fuzz.txt.gz", options: options)
        } else if options.throughLoader {
            graph = try EdgeListEntry.load(body, name: "fuzz.txt", options: options)
        } else {
            graph = try EdgeListEntry.parseAndBuild(body, options: options)
        }
        SpreadCheck.run(graph)
    } catch {
        // Rejected input: expected.
    }
    return 0
}
