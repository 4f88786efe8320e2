#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fuzz inputs written to disk for readers that take a path. Each process writes into its own
/// directory under /tmp (pid in the name, so `-jobs`/`-fork` workers never share a file), removed
/// at exit.
public enum ScratchFile {
    /// The process's scratch directory, created on first use.
    nonisolated(unsafe) private static var directory: String?

    /// Writes `bytes` to `NAME` in the scratch directory and returns its path. A failure to write
    /// is a broken machine, not a finding: it stops the run with a message.
    public static func write(_ bytes: [UInt8], named name: String) -> String {
        let path = scratchDirectory() + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { fail("cannot create \(path): \(String(cString: strerror(errno))) (check that /tmp is writable)") }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + written, $0.count - written) }
            guard result > 0 else { fail("cannot write \(path): \(String(cString: strerror(errno))) (check free space in /tmp)") }
            written += result
        }
        close(fd)
        return path
    }

    private static func scratchDirectory() -> String {
        if let directory { return directory }
        let path = "/tmp/infmax-fuzz-\(getpid())"
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else {
            fail("cannot create \(path): \(String(cString: strerror(errno))) (check that /tmp is writable)")
        }
        directory = path
        atexit { ScratchFile.removeAll() }
        return path
    }

    private static func removeAll() {
        guard let directory, let dir = opendir(directory) else { return }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != ".", name != ".." { unlink(directory + "/" + name) }
        }
        closedir(dir)
        rmdir(directory)
    }

    private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }

    private static func fail(_ message: String) -> Never {
        let line = Array("ScratchFile.swift: \(message)\n".utf8)
        _ = line.withUnsafeBytes { systemWrite(2, $0.baseAddress!, $0.count) }
        exit(2)
    }
}
