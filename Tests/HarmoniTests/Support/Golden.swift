import Foundation
import Testing

/// Golden-file assertions: compare text with `Tests/HarmoniTests/__Snapshots__/<name>`.
///
/// Re-record with `RECORD_GOLDEN=1 swift test`; a recording run *fails* on purpose, so nobody
/// commits an unreviewed baseline. Review golden diffs like code.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")

    static func assertMatches(
        _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let url = folder.appendingPathComponent(name)
        let recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
        if recording {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            Issue.record("recorded golden file \(name); review it and run the tests again without RECORD_GOLDEN", sourceLocation: sourceLocation)
            return
        }
        guard let data = try? Data(contentsOf: url), let expected = String(data: data, encoding: .utf8) else {
            Issue.record("missing golden file \(name); run RECORD_GOLDEN=1 swift test to create it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("golden file \(name) differs:\n\(firstDifference(expected, actual))", sourceLocation: sourceLocation)
        }
    }

    /// The first differing line, for a readable failure.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let e = expected.components(separatedBy: "\n")
        let a = actual.components(separatedBy: "\n")
        for i in 0..<max(e.count, a.count) {
            let left = i < e.count ? e[i] : "<end>"
            let right = i < a.count ? a[i] : "<end>"
            if left != right { return "line \(i + 1):\n  expected: \(left)\n  actual:   \(right)" }
        }
        return "(no line differs; check line endings)"
    }
}
