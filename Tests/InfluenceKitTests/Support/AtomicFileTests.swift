import Foundation
import Testing
@_spi(Kernels) @testable import InfluenceKit
#if canImport(Glibc)
import Glibc
#endif

/// Helpers for the output-file suites: read a file, list temporaries, stat without following.
enum OutputProbe {
    static func text(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func directory(of path: String) -> String { (path as NSString).deletingLastPathComponent }
    static func name(of path: String) -> String { (path as NSString).lastPathComponent }

    /// Names in the target's directory that are temporaries of it.
    static func temporaries(of path: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory(of: path))) ?? []
        return entries.filter { $0.hasPrefix(".\(name(of: path)).infmax-tmp-") }
    }

    /// `st_mode & S_IFMT` and the permission bits, not following a final link.
    static func linkMode(_ path: String) -> (type: UInt32, permissions: UInt32)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return (UInt32(info.st_mode & S_IFMT), UInt32(info.st_mode) & 0o7777)
    }

    /// The process's umask, read without setting it (`umask(2)` would, for every test running).
    static var umask: UInt32 {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") }
        return line.flatMap { UInt32($0.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8) } ?? 0o022
    }

    /// A PID no process can have: the kernel hands out ids below `pid_max`.
    static var unusedPID: Int32 {
        let text = (try? String(contentsOfFile: "/proc/sys/kernel/pid_max", encoding: .utf8)) ?? "4194304"
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 4_194_304
    }
}

/// `AtomicFile.write` for library users, with the safe behaviour (issue "Hardening": output files).
@Suite struct AtomicFileTests {
    /// The old temporary was `PATH.tmp-PID`, opened without O_EXCL or O_NOFOLLOW: a link planted
    /// there sent the bytes to the link's target (and the link was renamed over the output).
    @Test func aLinkPlantedAtTheOldTemporaryNameIsNotFollowed() throws {
        let path = TestPaths.temporary("planted.txt")
        let victim = TestPaths.temporary("victim.txt")
        try AtomicFile.write("precious\n", to: victim)
        #expect(symlink(victim, "\(path).tmp-\(getpid())") == 0)
        defer { unlink("\(path).tmp-\(getpid())"); unlink(path); unlink(victim) }
        try AtomicFile.write("new report\n", to: path)
        #expect(OutputProbe.text(victim) == "precious\n")
        #expect(OutputProbe.text(path) == "new report\n")
        #expect(OutputProbe.linkMode(path)?.type == UInt32(S_IFREG))
        #expect(OutputProbe.temporaries(of: path).isEmpty)
    }

    /// The temporary is created with O_EXCL | O_NOFOLLOW: a link at the chosen name (live or
    /// dangling) is refused, not followed.
    @Test func exclusiveCreationRefusesPlantedLinks() throws {
        let victim = TestPaths.temporary("victim.txt")
        try AtomicFile.write("precious\n", to: victim)
        let live = TestPaths.temporary("live-link")
        let dangling = TestPaths.temporary("dangling-link")
        let missing = TestPaths.temporary("never-created")
        #expect(symlink(victim, live) == 0 && symlink(missing, dangling) == 0)
        defer { unlink(live); unlink(dangling); unlink(victim); unlink(missing) }
        for link in [live, dangling] {
            guard case .failure(let failure) = Platform.createExclusively(link, mode: 0o666) else {
                Issue.record("created through the link at \(link)"); continue
            }
            #expect(failure.code == EEXIST)
        }
        #expect(OutputProbe.text(victim) == "precious\n")
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    /// A replaced file keeps its permission bits; the old writer created every file 0644.
    @Test func replacingAFileKeepsItsMode() throws {
        let path = TestPaths.temporary("private.json")
        try AtomicFile.write("old\n", to: path)
        defer { unlink(path) }
        #expect(chmod(path, 0o600) == 0)
        try AtomicFile.write("new\n", to: path)
        #expect(OutputProbe.linkMode(path)?.permissions == 0o600)
        #expect(OutputProbe.text(path) == "new\n")

        let fresh = TestPaths.temporary("fresh.json")
        defer { unlink(fresh) }
        try AtomicFile.write("x\n", to: fresh)
        #expect(OutputProbe.linkMode(fresh)?.permissions == 0o666 & ~OutputProbe.umask)
    }

    /// Writing through a link replaces the file it points to and leaves the link a link; the old
    /// writer renamed a regular file over the link. A dangling link creates its target.
    @Test func aLinkIsFollowedAndStaysALink() throws {
        let target = TestPaths.temporary("linked-target.txt")
        let link = TestPaths.temporary("link.txt")
        try AtomicFile.write("old\n", to: target)
        #expect(symlink(OutputProbe.name(of: target), link) == 0)  // relative, as `ln -s name link` makes
        defer { unlink(link); unlink(target) }
        try AtomicFile.write("new\n", to: link)
        #expect(OutputProbe.linkMode(link)?.type == UInt32(S_IFLNK))
        #expect(OutputProbe.text(target) == "new\n")
        #expect(OutputProbe.temporaries(of: target).isEmpty && OutputProbe.temporaries(of: link).isEmpty)

        let missing = TestPaths.temporary("created-through-link.txt")
        let dangling = TestPaths.temporary("dangling.txt")
        #expect(symlink(missing, dangling) == 0)
        defer { unlink(dangling); unlink(missing) }
        try AtomicFile.write("made\n", to: dangling)
        #expect(OutputProbe.linkMode(dangling)?.type == UInt32(S_IFLNK))
        #expect(OutputProbe.text(missing) == "made\n")
    }

    /// Temporaries of the same target left by a process that no longer exists are removed by the
    /// next write; a live process's temporary and another target's stay.
    @Test func staleTemporariesAreRemoved() throws {
        let path = TestPaths.temporary("report.json")
        let directory = OutputProbe.directory(of: path), name = OutputProbe.name(of: path)
        let dead = "\(directory)/.\(name).infmax-tmp-\(OutputProbe.unusedPID)-0123abcd"
        let live = "\(directory)/.\(name).infmax-tmp-\(getpid())-0123abcd"
        let other = "\(directory)/.other-\(name).infmax-tmp-\(OutputProbe.unusedPID)-0123abcd"
        for stale in [dead, live, other] { #expect(FileManager.default.createFile(atPath: stale, contents: Data("x".utf8))) }
        defer { for file in [dead, live, other, path] { unlink(file) } }
        try AtomicFile.write("new\n", to: path)
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(FileManager.default.fileExists(atPath: other))
        #expect(OutputProbe.text(path) == "new\n")
    }

    /// A character device is written through: /dev/null stays a device (the old writer would
    /// have renamed a regular file over it, given the permission).
    @Test func aDeviceIsWrittenThrough() throws {
        try AtomicFile.write("discarded\n", to: "/dev/null")
        #expect(OutputProbe.linkMode("/dev/null")?.type == UInt32(S_IFCHR))
        #expect(OutputProbe.temporaries(of: "/dev/null").isEmpty)
    }
}

/// `OutputFile`: outputs prepared before the work and written together at its end.
@Suite struct OutputFileTests {
    /// Temporaries get random, recognisable names beside the target, and go when dropped.
    @Test func temporariesAreRandomBesideTheTargetAndRemovedWhenDropped() throws {
        let path = TestPaths.temporary("named.txt")
        var first: OutputFile? = try OutputFile.prepare(path)
        var second: OutputFile? = try OutputFile.prepare(path)
        let names = [first?.temporary, second?.temporary].compactMap { $0 }.map(OutputProbe.name(of:))
        #expect(names.count == 2 && names[0] != names[1])
        let prefix = ".\(OutputProbe.name(of: path)).infmax-tmp-\(getpid())-"
        #expect(names.allSatisfy { $0.hasPrefix(prefix) && $0.dropFirst(prefix.count).count == 16 }, "\(names)")
        #expect(Set(OutputProbe.temporaries(of: path)) == Set(names))
        first = nil
        second?.discard()
        second = nil
        #expect(OutputProbe.temporaries(of: path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// The same file as an input is refused whatever the spelling (`dir/./name`, a hard link, a
    /// link to it), before anything is created.
    @Test func anInputIsRefusedByDeviceAndInode() throws {
        let input = TestPaths.temporary("input.txt")
        try AtomicFile.write("1 2\n", to: input)
        let hard = TestPaths.temporary("hard.txt"), soft = TestPaths.temporary("soft.txt")
        #expect(link(input, hard) == 0 && symlink(input, soft) == 0)
        defer { for file in [input, hard, soft] { unlink(file) } }
        let spellings = ["\(OutputProbe.directory(of: input))/./\(OutputProbe.name(of: input))", hard, soft]
        for output in spellings {
            #expect(throws: InfluenceError(.usage, file: output, "is the input file \(input) (an output must not overwrite an input; choose another path)")) {
                _ = try OutputFile.prepare(output, distinctFrom: [input])
            }
        }
        #expect(OutputProbe.temporaries(of: input).isEmpty)
        #expect(OutputProbe.text(input) == "1 2\n")
    }

    /// Two outputs naming one file are refused, existing or not.
    @Test func twoOutputsCannotShareAFile() throws {
        let path = TestPaths.temporary("shared.csv")
        let other = "\(OutputProbe.directory(of: path))/./\(OutputProbe.name(of: path))"
        #expect(throws: InfluenceError.self) { _ = try OutputFile.prepare([path, other]) }
        #expect(OutputProbe.temporaries(of: path).isEmpty)
    }

    /// A missing directory and a directory as target fail at `prepare`, naming the path.
    @Test func unwritableTargetsFailAtPrepare() throws {
        #expect(throws: InfluenceError(.io, file: "/nonexistent/dir/x.json", "cannot write: the directory /nonexistent/dir does not exist (create it, or choose another path)")) {
            _ = try OutputFile.prepare("/nonexistent/dir/x.json")
        }
        let directory = TemporaryFiles.directory
        #expect(throws: InfluenceError(.io, file: directory, "cannot write: is a directory (expected a file path)")) {
            _ = try OutputFile.prepare(directory)
        }
        #expect(throws: InfluenceError.self) { try OutputFile.check("/nonexistent/dir/x.json") }
    }

    /// Outputs written together are all staged before any rename: when the second cannot be
    /// written (/dev/full), the first keeps its old content and leaves no temporary.
    @Test func aBatchRenamesNothingWhenOneOutputFails() throws {
        let path = TestPaths.temporary("first.csv")
        try AtomicFile.write("old\n", to: path)
        defer { unlink(path) }
        let files = try OutputFile.prepare([path, "/dev/full"])
        #expect(files.map(\.kind) == [.replaced, .writtenThrough])
        #expect(throws: InfluenceError.self) {
            try OutputFile.write([(files[0], Array("new\n".utf8)), (files[1], Array("new\n".utf8))])
        }
        #expect(OutputProbe.text(path) == "old\n")
        #expect(OutputProbe.temporaries(of: path).isEmpty)
        #expect(OutputProbe.linkMode("/dev/full")?.type == UInt32(S_IFCHR))
    }
}
