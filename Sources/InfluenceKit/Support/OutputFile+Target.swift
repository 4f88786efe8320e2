extension OutputFile {
    /// Device and inode of the destination, or of its directory with the name when it is missing.
    struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
        var name: String?
    }

    /// An output path resolved and checked: the file it names after following links, its status,
    /// its directory, and how to recognise it.
    struct Target {
        var path: String
        var destination: String
        var directory: String
        var name: String
        var status: Platform.NodeStatus
        var identity: Identity

        /// Follows `path` through symbolic links (at most 40), refuses a directory, a socket or an
        /// input, and requires the directory of a file to be replaced to exist.
        static func resolve(_ path: String, distinctFrom inputs: [String]) throws(InfluenceError) -> Target {
            guard !path.isEmpty else { throw InfluenceError(.usage, "an output path is empty (expected a file name)") }
            // The kernel's view first: a device or FIFO (also behind a link such as /dev/stdout,
            // whose /proc target names no file) is written through the path as given.
            let followed = try statusOf(path, path: path, following: true)
            switch followed.kind {
            case .characterDevice, .blockDevice, .fifo:
                let identity = Identity(device: followed.device, inode: followed.inode, name: nil)
                try refuseInputs(inputs, identity: identity, path: path)
                return Target(path: path, destination: path, directory: directory(of: path),
                              name: String(path.split(separator: "/").last ?? ""), status: followed, identity: identity)
            default:
                break
            }
            var destination = path
            var status = try statusOf(destination, path: path)
            var hops = 0
            while status.kind == .symbolicLink {
                hops += 1
                guard hops <= 40, let link = Platform.linkContents(of: destination) else {
                    throw InfluenceError(.io, file: path, "cannot write: too many levels of symbolic links (expected a link that ends at a file)")
                }
                destination = link.hasPrefix("/") ? link : join(directory(of: destination), link)
                status = try statusOf(destination, path: path)
            }
            let directory = directory(of: destination)
            let name = String(destination.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
            switch status.kind {
            case .directory:
                throw InfluenceError(.io, file: path, "cannot write: is a directory (expected a file path)")
            case .socket:
                throw InfluenceError(.io, file: path, "cannot write: is a socket (expected a file, a device or a FIFO)")
            default:
                break
            }
            let identity: Identity
            if status.kind == .missing {
                let parent = try statusOf(directory, path: path, following: true)
                guard parent.kind == .directory else {
                    let what = parent.kind == .missing ? "does not exist" : "is not a directory"
                    throw InfluenceError(.io, file: path, "cannot write: the directory \(directory) \(what) (create it, or choose another path)")
                }
                identity = Identity(device: parent.device, inode: parent.inode, name: name)
            } else {
                identity = Identity(device: status.device, inode: status.inode, name: nil)
                try refuseInputs(inputs, identity: identity, path: path)
            }
            return Target(path: path, destination: destination, directory: directory, name: name,
                          status: status, identity: identity)
        }

        /// Throws when one of `inputs` is the file `identity` names (device and inode).
        private static func refuseInputs(_ inputs: [String], identity: Identity, path: String) throws(InfluenceError) {
            for input in inputs {
                guard case .success(let other) = Platform.nodeStatus(of: input, followingLinks: true),
                      other.kind != .missing else { continue }
                if other.device == identity.device && other.inode == identity.inode {
                    throw InfluenceError(.usage, file: path, "is the input file \(input) (an output must not overwrite an input; choose another path)")
                }
            }
        }

        private static func statusOf(_ candidate: String, path: String, following: Bool = false) throws(InfluenceError) -> Platform.NodeStatus {
            switch Platform.nodeStatus(of: candidate, followingLinks: following) {
            case .success(let status): return status
            case .failure(let failure):
                throw InfluenceError(.io, file: path, "cannot write: \(failure.text) (expected a writable location)")
            }
        }

        /// `a/b` from `a` and `b`.
        static func join(_ directory: String, _ name: String) -> String {
            directory == "/" ? "/" + name : directory + "/" + name
        }

        /// The directory part of `path`: `.` for a bare name, `/` for a name under the root.
        static func directory(of path: String) -> String {
            guard let slash = path.lastIndex(of: "/") else { return "." }
            if slash == path.startIndex { return "/" }
            return String(path[..<slash])
        }
    }
}
