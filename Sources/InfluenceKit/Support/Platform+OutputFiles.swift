#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file-system calls behind `OutputFile`: link-aware status, exclusive creation, directory
/// listing and process liveness.
extension Platform {
    /// What a path is, without following a final symbolic link (`lstat`), or following it (`stat`).
    enum NodeKind: Equatable {
        case missing
        case regular
        case directory
        case symbolicLink
        case characterDevice
        case blockDevice
        case fifo
        case socket
    }

    /// Kind, permission bits and identity of a path.
    struct NodeStatus {
        var kind: NodeKind
        var mode: UInt32
        var device: UInt64
        var inode: UInt64
    }

    /// The status of `path`; `followingLinks` chooses `stat` over `lstat`. A missing path (or a
    /// missing directory on the way) is `.missing`; other failures are the error text.
    /// Complexity: O(1).
    static func nodeStatus(of path: String, followingLinks: Bool) -> Result<NodeStatus, PlatformFailure> {
        if path.utf8.contains(0) { return .failure(PlatformFailure(nulInPath)) }
        var info = stat()
        let status = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard status == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return .success(NodeStatus(kind: .missing, mode: 0, device: 0, inode: 0)) }
            return .failure(PlatformFailure(errorText(code)))
        }
        let kind: NodeKind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        case S_IFCHR: kind = .characterDevice
        case S_IFBLK: kind = .blockDevice
        case S_IFIFO: kind = .fifo
        default: kind = .socket
        }
        return .success(NodeStatus(kind: kind, mode: UInt32(info.st_mode) & 0o7777,
                                   device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
    }

    /// The contents of the symbolic link at `path`, or nil when it is not one.
    static func linkContents(of path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4097)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Creates `path` for writing only if nothing (not even a dangling link) is there: `O_EXCL`
    /// with `O_NOFOLLOW`, so a planted link is never followed. `mode` is filtered by the umask.
    static func createExclusively(_ path: String, mode: UInt32) -> Result<Int32, PlatformFailure.WithCode> {
        if path.utf8.contains(0) { return .failure(PlatformFailure.WithCode(code: EINVAL)) }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(mode))
        return fd >= 0 ? .success(fd) : .failure(PlatformFailure.WithCode(code: errno))
    }

    /// Opens an existing `path` (a device or FIFO) for writing, without creating or truncating.
    static func openExistingForWriting(_ path: String) -> Result<Int32, PlatformFailure> {
        if path.utf8.contains(0) { return .failure(PlatformFailure(nulInPath)) }
        while true {
            let fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            if fd >= 0 { return .success(fd) }
            if errno != EINTR { return .failure(PlatformFailure(errorText(errno))) }
        }
    }

    /// Sets the permission bits of an open file exactly (no umask).
    static func setMode(_ fd: Int32, _ mode: UInt32) -> PlatformFailure? {
        fchmod(fd, mode_t(mode)) == 0 ? nil : PlatformFailure(errorText(errno))
    }

    /// Whether this process may write to `path` (`access(W_OK)`; a directory also needs search).
    static func isWritable(_ path: String, directory: Bool) -> Bool {
        access(path, directory ? (W_OK | X_OK) : W_OK) == 0
    }

    /// The names in `directory` (without `.` and `..`), or nil when it cannot be listed.
    /// Complexity: O(entries).
    static func directoryEntries(_ directory: String) -> [String]? {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Whether a process with this id exists (one we may not signal counts as existing).
    static func processExists(_ pid: Int32) -> Bool {
        kill(pid_t(pid), 0) == 0 || errno == EPERM
    }

    /// Flushes a directory's entries (after a rename), best effort.
    static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}

extension PlatformFailure {
    /// A failure that keeps its `errno`, for callers that explain some codes themselves.
    struct WithCode: Error {
        let code: Int32
        var text: String { Platform.errorText(code) }
    }
}
