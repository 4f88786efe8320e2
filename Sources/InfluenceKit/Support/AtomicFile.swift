/// Writes files all-or-nothing: the bytes go to a temporary file beside the target, are flushed to
/// disk, then renamed over it. A reader never sees a half-written file.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws(InfluenceError) {
        let temporary = "\(path).tmp-\(Platform.processID)"
        let fd: Int32
        switch Platform.createForWriting(temporary) {
        case .success(let opened): fd = opened
        case .failure(let failure):
            throw InfluenceError(.io, file: path, "cannot write: \(failure.text) (expected a writable location)")
        }
        var failure = bytes.withUnsafeBytes { Platform.writeAll(fd, $0) }
        if failure == nil { failure = Platform.sync(fd) }
        Platform.close(fd)
        if failure == nil { failure = Platform.rename(temporary, to: path) }
        if let failure {
            Platform.remove(temporary)
            throw InfluenceError(.io, file: path, "cannot write: \(failure.text) (expected a writable location with free space)")
        }
    }

    /// Writes UTF-8 `text` to `path` atomically.
    public static func write(_ text: String, to path: String) throws(InfluenceError) {
        try write(Array(text.utf8), to: path)
    }
}
