import CSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension OutputFile {
    /// Temporaries beside a target: `.NAME.infmax-tmp-PID-RANDOM` (NAME cut to 200 bytes), created
    /// exclusively, registered for removal on a signal, and recognised later by name and PID.
    enum Temporary {
        /// The marker between the target's name and the PID.
        static let marker = ".infmax-tmp-"

        /// The name prefix of every temporary of a target named `name`.
        static func prefix(for name: String) -> String {
            var kept = ""
            for character in name {
                if kept.utf8.count + character.utf8.count > 200 { break }
                kept.append(character)
            }
            return "." + kept + marker
        }

        /// A fresh name: the prefix, this process's id and 64 random bits in hex.
        static func randomName(for name: String) -> String {
            var random = SystemRandomNumberGenerator()
            let bits = String(random.next(), radix: 16)
            return prefix(for: name) + "\(Platform.processID)-" + String(repeating: "0", count: 16 - bits.count) + bits
        }

        /// Creates a temporary for `target` (after removing stale ones), with the target's
        /// permission bits when it exists. Complexity: O(entries of the directory).
        static func create(for target: Target) throws(InfluenceError) -> (path: String, descriptor: Int32, signalSlot: Int32) {
            removeStale(in: target.directory, name: target.name)
            let existingMode: UInt32? = target.status.kind == .regular ? target.status.mode : nil
            for _ in 0..<100 {
                let path = Target.join(target.directory, randomName(for: target.name))
                switch Platform.createExclusively(path, mode: 0o666) {
                case .success(let fd):
                    let slot = path.withCString { ik_temporary_register($0) }
                    if let existingMode, let failure = Platform.setMode(fd, existingMode) {
                        Platform.close(fd)
                        Platform.remove(path)
                        unregister(slot)
                        throw InfluenceError(.io, file: target.path, "cannot write: \(failure.text) (expected a file whose permissions can be kept)")
                    }
                    return (path, fd, slot)
                case .failure(let failure) where failure.code == EEXIST:
                    continue
                case .failure(let failure):
                    throw InfluenceError(.io, file: target.path, "cannot write: \(failure.text) in the directory \(target.directory) (expected a writable location)")
                }
            }
            throw InfluenceError(.io, file: target.path, "cannot write: no free temporary name in \(target.directory) (expected a writable location)")
        }

        /// Removes temporaries of `name` in `directory` whose process no longer exists.
        /// Complexity: O(entries).
        static func removeStale(in directory: String, name: String) {
            let prefix = prefix(for: name)
            guard let entries = Platform.directoryEntries(directory) else { return }
            for entry in entries where entry.hasPrefix(prefix) {
                guard let pid = owner(of: entry, prefix: prefix), pid != Platform.processID,
                      !Platform.processExists(pid) else { continue }
                Platform.remove(Target.join(directory, entry))
            }
        }

        /// The PID in a temporary's name, or nil when the rest is not `PID-HEX`.
        static func owner(of entry: String, prefix: String) -> Int32? {
            let rest = entry.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
            guard rest.count == 2, let pid = Int32(rest[0]), pid > 0,
                  !rest[1].isEmpty, rest[1].allSatisfy(\.isHexDigit) else { return nil }
            return pid
        }

        static func unregister(_ slot: Int32) {
            if slot >= 0 { ik_temporary_unregister(slot) }
        }
    }
}
