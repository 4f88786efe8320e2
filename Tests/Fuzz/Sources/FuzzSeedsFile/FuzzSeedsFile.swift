import FuzzSupport
import InfluenceKit

/// libFuzzer entry point for seeds files (one label per line, a JSON array of labels, or the JSON
/// `infmax seeds` prints): the input is the file. A thrown `InfluenceError` is an expected result;
/// only a crash or a sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = try? SeedsFile.parse(fuzzBytes(data, size), path: "fuzz")
    return 0
}
