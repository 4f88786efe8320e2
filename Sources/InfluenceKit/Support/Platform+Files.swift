#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File-system calls, in the one place platform code lives (see `Platform`).
extension Platform {
    /// What `stat` says about a path.
    enum PathStatus {
        case missing
        case failed(String)
        case directory
        case file(size: Int)
    }

    /// Why a path with a NUL byte is refused: the C library would read it only up to that byte,
    /// and open another file (`karate.txt\0x` is not `karate.txt`).
    static let nulInPath = "the path holds a NUL byte (expected a path without one; the system would cut it there)"

    /// The status of `path` (a path holding a NUL byte fails). Complexity: O(1).
    static func status(of path: String) -> PathStatus {
        if path.utf8.contains(0) { return .failed(nulInPath) }
        var info = stat()
        guard stat(path, &info) == 0 else {
            return errno == ENOENT ? .missing : .failed(errorText(errno))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .directory }
        return .file(size: Int(info.st_size))
    }

    /// Opens `path` for reading; the descriptor, or the error text.
    static func openForReading(_ path: String) -> Result<Int32, PlatformFailure> {
        if path.utf8.contains(0) { return .failure(PlatformFailure(nulInPath)) }
        let fd = open(path, O_RDONLY)
        return fd >= 0 ? .success(fd) : .failure(PlatformFailure(errorText(errno)))
    }

    /// Creates `path` for writing, truncating it.
    static func createForWriting(_ path: String) -> Result<Int32, PlatformFailure> {
        if path.utf8.contains(0) { return .failure(PlatformFailure(nulInPath)) }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        return fd >= 0 ? .success(fd) : .failure(PlatformFailure(errorText(errno)))
    }

    /// Reads up to `count` bytes into `buffer` (retrying on EINTR): bytes read, 0 at the end.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int) -> Result<Int, PlatformFailure> {
        while true {
            #if canImport(Glibc)
            let got = Glibc.read(fd, buffer, count)
            #else
            let got = Darwin.read(fd, buffer, count)
            #endif
            if got >= 0 { return .success(got) }
            if errno != EINTR { return .failure(PlatformFailure(errorText(errno))) }
        }
    }

    /// Writes all of `bytes` (retrying on EINTR and short writes).
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> PlatformFailure? {
        var written = 0
        while written < bytes.count {
            #if canImport(Glibc)
            let n = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
            #else
            let n = Darwin.write(fd, bytes.baseAddress! + written, bytes.count - written)
            #endif
            if n < 0 {
                if errno == EINTR { continue }
                return PlatformFailure(errorText(errno))
            }
            written += n
        }
        return nil
    }

    /// Flushes `fd` to disk.
    static func sync(_ fd: Int32) -> PlatformFailure? { fsync(fd) == 0 ? nil : PlatformFailure(errorText(errno)) }

    /// Closes `fd`.
    static func close(_ fd: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Darwin.close(fd)
        #endif
    }

    /// Renames `from` over `to` atomically.
    static func rename(_ from: String, to: String) -> PlatformFailure? {
        #if canImport(Glibc)
        let status = Glibc.rename(from, to)
        #else
        let status = Darwin.rename(from, to)
        #endif
        return status == 0 ? nil : PlatformFailure(errorText(errno))
    }

    /// Removes `path` (errors ignored).
    static func remove(_ path: String) { _ = unlink(path) }
}

/// The text of a failed platform call.
struct PlatformFailure: Error {
    let text: String
    init(_ text: String) { self.text = text }
}
