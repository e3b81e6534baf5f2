import Foundation

/// The REPL's persistent history: `$XDG_STATE_HOME/harmoni/history`, else
/// `~/.local/state/harmoni/history`.
///
/// One entry per line, oldest first. A multi-line statement stays one entry: inside an entry a
/// line break is written `\n` and a backslash `\\`. The file keeps the newest ``limit`` entries
/// and is rewritten atomically after each entry, merged with what other sessions wrote meanwhile.
public struct HistoryFile: Sendable, Equatable {
    /// The file's path.
    public var path: String
    /// The most entries kept.
    public var limit: Int

    /// The history at `path`, keeping at most `limit` entries.
    public init(path: String, limit: Int = 1000) {
        self.path = path
        self.limit = limit
    }

    /// The history file for an environment: `XDG_STATE_HOME` when it is an absolute path,
    /// else `HOME/.local/state`; `nil` when neither is set.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return (state as NSString).appendingPathComponent("harmoni/history")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".local/state/harmoni/history")
    }

    /// The entries in the file, oldest first (none if it does not exist or cannot be read).
    public func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map { Self.decode(String($0)) }
    }

    /// Appends an entry (skipping a repeat of the newest one), keeping the newest ``limit``.
    public func append(_ entry: String) throws(FileWriteError) {
        var entries = load()
        if entries.last == entry { return }
        entries.append(entry)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        // The atomic write makes the missing folders.
        let text = entries.map(Self.encode).joined(separator: "\n") + "\n"
        try FileAccess.writeAtomically(text, to: path, overwrite: true)
    }

    /// One entry as one line: `\` → `\\`, line break → `\n`.
    public static func encode(_ entry: String) -> String {
        entry.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// The inverse of ``encode(_:)``.
    public static func decode(_ line: String) -> String {
        var out = ""
        var escaped = false
        for character in line {
            if escaped {
                out.append(character == "n" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
