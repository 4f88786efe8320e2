import CSupport

/// An output file prepared before a computation and written at its end, all-or-nothing.
///
/// `prepare` does every check that can fail before the work starts: the path is followed through
/// symbolic links to the file it names, that file must not be one of the inputs (compared by
/// device and inode, so `./g.txt`, `g.txt` and hard links are caught) and must not be a directory,
/// and for a regular or missing file a temporary is created beside it at once (so an unwritable
/// directory fails before the run). The temporary is created exclusively (`O_EXCL | O_NOFOLLOW`,
/// a random name: `.NAME.infmax-tmp-PID-RANDOM`), so a link planted in the directory is never
/// followed; it takes the target's permission bits, or `0666` less the umask for a new file.
/// `stage` writes and syncs the bytes, `commit` renames the temporary over the target; a link
/// stays a link and the file it points to is replaced. A character or block device or a FIFO is
/// written through instead (opened when staged, never renamed over).
///
/// Temporaries are registered with a signal-safe table: after `removeTemporariesOnSignal()`,
/// SIGINT, SIGTERM or SIGHUP removes them before the process dies by the signal. Temporaries of
/// the same target left by a process that no longer exists are removed by the next `prepare`.
/// An output dropped without `commit` removes its temporary.
public final class OutputFile {
    /// How the bytes reach the target.
    public enum Kind: Sendable, Equatable {
        /// A regular (or new) file: written to a temporary beside it, then renamed over it.
        case replaced
        /// A device or FIFO: opened and written in place.
        case writtenThrough
    }

    /// The path as given.
    public let path: String
    /// The file written: `path` with symbolic links followed.
    public let destination: String
    /// How the bytes reach the target.
    public let kind: Kind
    /// The temporary (for `.replaced`) while it exists.
    public private(set) var temporary: String?

    private var descriptor: Int32 = -1
    private var signalSlot: Int32 = -1
    private var staged = false
    private var finished = false
    /// Identifies the destination among other outputs: device and inode when it exists, else
    /// the directory's device and inode and the name.
    let identity: Identity

    init(path: String, destination: String, kind: Kind, identity: Identity,
         temporary: String?, descriptor: Int32, signalSlot: Int32) {
        self.path = path
        self.destination = destination
        self.kind = kind
        self.identity = identity
        self.temporary = temporary
        self.descriptor = descriptor
        self.signalSlot = signalSlot
    }

    deinit { discard() }

    /// Prepares `path` for writing; `inputs` are files this run reads, which the output must not be.
    ///
    /// Throws `.usage` when the output is an input, `.io` when it cannot be written (missing or
    /// unwritable directory, a directory as target, a socket). Complexity: O(entries of the
    /// target's directory), for the scan for stale temporaries.
    public static func prepare(_ path: String, distinctFrom inputs: [String] = []) throws(InfluenceError) -> OutputFile {
        let target = try Target.resolve(path, distinctFrom: inputs)
        switch target.status.kind {
        case .characterDevice, .blockDevice, .fifo:
            return OutputFile(path: path, destination: target.destination, kind: .writtenThrough,
                              identity: target.identity, temporary: nil, descriptor: -1, signalSlot: -1)
        default:
            let created = try Temporary.create(for: target)
            return OutputFile(path: path, destination: target.destination, kind: .replaced, identity: target.identity,
                              temporary: created.path, descriptor: created.descriptor, signalSlot: created.signalSlot)
        }
    }

    /// Prepares several outputs, refusing two that name the same file.
    /// Complexity: O(paths² + directory entries).
    public static func prepare(_ paths: [String], distinctFrom inputs: [String] = []) throws(InfluenceError) -> [OutputFile] {
        var files: [OutputFile] = []
        for path in paths {
            let file = try prepare(path, distinctFrom: inputs)
            if let earlier = files.first(where: { $0.identity == file.identity }) {
                throw InfluenceError(.usage, file: path, "names the same file as the output \(earlier.path) (give each output its own path)")
            }
            files.append(file)
        }
        return files
    }

    /// Checks what `prepare` checks without creating anything: for writers that create their own
    /// temporary later (through `AtomicFile`). Complexity: O(1).
    public static func check(_ path: String, distinctFrom inputs: [String] = []) throws(InfluenceError) {
        let target = try Target.resolve(path, distinctFrom: inputs)
        switch target.status.kind {
        case .characterDevice, .blockDevice, .fifo:
            if !Platform.isWritable(target.destination, directory: false) {
                throw InfluenceError(.io, file: path, "cannot write: permission denied (expected a writable file)")
            }
        default:
            if !Platform.isWritable(target.directory, directory: true) {
                throw InfluenceError(.io, file: path, "cannot write: permission denied in the directory \(target.directory) (expected a writable location)")
            }
        }
    }

    /// Writes `bytes`: into the temporary, synced to disk (`.replaced`), or to the device or FIFO
    /// (`.writtenThrough`). Call once; on failure the temporary is removed. Complexity: O(bytes).
    public func stage(_ bytes: [UInt8]) throws(InfluenceError) {
        precondition(!staged && !finished, "OutputFile.stage is called once, before commit")
        staged = true
        var failure: PlatformFailure?
        switch kind {
        case .replaced:
            failure = bytes.withUnsafeBytes { Platform.writeAll(descriptor, $0) }
            if failure == nil { failure = Platform.sync(descriptor) }
            Platform.close(descriptor)
            descriptor = -1
        case .writtenThrough:
            switch Platform.openExistingForWriting(destination) {
            case .success(let fd):
                failure = bytes.withUnsafeBytes { Platform.writeAll(fd, $0) }
                Platform.close(fd)
            case .failure(let opening):
                failure = opening
            }
        }
        if let failure {
            discard()
            throw InfluenceError(.io, file: path, "cannot write: \(failure.text) (expected a writable location with free space)")
        }
    }

    /// Writes `bytes` into the temporary of a regular (or new) file now, before `stage` (which then
    /// takes the last bytes, possibly none, syncs and closes): for outputs streamed as they are
    /// made. On failure the temporary is removed. Complexity: O(bytes).
    public func append(_ bytes: UnsafeRawBufferPointer) throws(InfluenceError) {
        precondition(!staged && !finished, "OutputFile.append comes before stage")
        guard kind == .replaced else {
            throw InfluenceError(.usage, file: path, "a streamed output must be a regular file or standard output (expected a file path)")
        }
        if let failure = Platform.writeAll(descriptor, bytes) {
            discard()
            throw InfluenceError(.io, file: path, "cannot write: \(failure.text) (expected a writable location with free space)")
        }
    }

    /// Puts the staged bytes in place: renames the temporary over the destination (nothing to do
    /// for a device or FIFO). Complexity: O(1).
    public func commit() throws(InfluenceError) {
        precondition(staged && !finished, "OutputFile.commit follows stage")
        guard kind == .replaced, let temporary else { finished = true; return }
        if let failure = Platform.rename(temporary, to: destination) {
            discard()
            throw InfluenceError(.io, file: path, "cannot write: \(failure.text) (expected a writable location)")
        }
        self.temporary = nil
        finished = true
        Temporary.unregister(signalSlot)
        signalSlot = -1
        Platform.syncDirectory(Target.directory(of: destination))
    }

    /// `stage` then `commit`. Complexity: O(bytes).
    public func write(_ bytes: [UInt8]) throws(InfluenceError) {
        try stage(bytes)
        try commit()
    }

    /// Writes several outputs together: every one is staged (written and synced) before any is
    /// renamed, so an interruption leaves either none or (as far as consecutive renames allow) all
    /// of them new. On a failure the outputs not yet committed are discarded.
    /// Complexity: O(total bytes).
    public static func write(_ contents: [(file: OutputFile, bytes: [UInt8])]) throws(InfluenceError) {
        do {
            for (file, bytes) in contents { try file.stage(bytes) }
            for (file, _) in contents { try file.commit() }
        } catch {
            for (file, _) in contents { file.discard() }
            throw error
        }
    }

    /// Removes the temporary (if any) without touching the destination; an output committed
    /// already is left as it is. Complexity: O(1).
    public func discard() {
        if descriptor >= 0 { Platform.close(descriptor); descriptor = -1 }
        if let temporary { Platform.remove(temporary); self.temporary = nil }
        Temporary.unregister(signalSlot)
        signalSlot = -1
        finished = true
    }

    /// Installs handlers for SIGINT, SIGTERM and SIGHUP that remove the temporaries of outputs not
    /// yet committed, restore the default action and re-raise, so the process still dies by the
    /// signal (a shell reports 128 + N). A signal the process ignores stays ignored. For programs,
    /// not libraries embedded elsewhere: it replaces the process's handlers. Complexity: O(1).
    public static func removeTemporariesOnSignal() {
        ik_temporary_install_signal_cleanup()
    }
}
