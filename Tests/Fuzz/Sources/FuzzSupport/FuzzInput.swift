/// The bytes libFuzzer hands to `LLVMFuzzerTestOneInput`, copied into an array (the readers take
/// `[UInt8]`). A null pointer, which libFuzzer may pass for an empty input, gives no bytes.
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}
