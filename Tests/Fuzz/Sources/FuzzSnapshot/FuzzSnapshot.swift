import FuzzSupport
import InfluenceKit

/// libFuzzer entry point for `.infgraph` snapshots: the input is read as it is (truncation,
/// checksum and header checks), then again with its size and checksum repaired (everything after
/// them). A thrown `InfluenceError` is an expected result; only a crash or a sanitizer report is a
/// finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = fuzzBytes(data, size)
    _ = try? SnapshotEntry.read(input)
    if let repaired = ChecksumRepair.repaired(input), repaired != input {
        _ = try? SnapshotEntry.read(repaired)
    }
    return 0
}
