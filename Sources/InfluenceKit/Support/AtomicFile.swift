/// Writes files all-or-nothing: the bytes go to a temporary file beside the target, are flushed to
/// disk, then renamed over it. A reader never sees a half-written file. The rules are those of
/// `OutputFile` (exclusive random temporaries, links followed, devices and FIFOs written through).
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically. Complexity: O(bytes).
    public static func write(_ bytes: [UInt8], to path: String) throws(InfluenceError) {
        try OutputFile.prepare(path).write(bytes)
    }

    /// Writes UTF-8 `text` to `path` atomically. Complexity: O(bytes).
    public static func write(_ text: String, to path: String) throws(InfluenceError) {
        try write(Array(text.utf8), to: path)
    }
}
