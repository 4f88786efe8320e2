import FuzzSupport
import GraphInfomax
import InfluenceKit

/// libFuzzer entry point for `.npy` files: `NumpyArrayFile.decode` on the input. What decodes
/// must be finite, of the declared shape, and encode and decode again to the same matrix. A
/// thrown `InfluenceError` is an expected result.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    guard let m = try? NumpyArrayFile.decode(bytes, path: "fuzz.npy") else { return 0 }
    precondition(m.values.count == m.rows * m.columns, "shape")
    precondition(m.values.allSatisfy(\.isFinite), "a non-finite value decoded")
    let again = try! NumpyArrayFile.decode(NumpyArrayFile.encode(m), path: "again.npy")
    precondition(again.rows == m.rows && again.columns == m.columns && again.values == m.values, "round trip")
    return 0
}
