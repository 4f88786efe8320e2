#if canImport(Glibc)
import Glibc
#endif

/// Writes files all-or-nothing: the bytes go to a temporary file beside the target, are flushed to
/// disk, then renamed over it. A reader never sees a half-written file.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws(InfluenceError) {
        let temporary = "\(path).tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw InfluenceError(.io, file: path, "cannot write: \(String(cString: strerror(errno))) (expected a writable location)")
        }
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 { if errno == EINTR { continue }; failure = errno; break }
                written += n
            }
        }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw InfluenceError(.io, file: path, "cannot write: \(String(cString: strerror(failure))) (expected a writable location with free space)")
        }
    }

    /// Writes UTF-8 `text` to `path` atomically.
    public static func write(_ text: String, to path: String) throws(InfluenceError) {
        try write(Array(text.utf8), to: path)
    }
}
