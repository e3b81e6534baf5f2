import Foundation
import Testing

@testable import Harmoni

/// Shared helpers for the scenario tests: the shipped scenario files, sessions that run them from
/// the repository root, temporary working directories, and listings of what is on disk.
enum ScenarioFixtures {
    /// The shipped scenarios, by file name without `.harmoni`.
    static let names = ["hp2020-radmannens-prinsipper", "laveste-nivaa", "budsjettnoytral"]

    /// `scenarios/<name>.harmoni`, relative to the repository root.
    static func path(_ name: String) -> String { "scenarios/\(name).harmoni" }

    /// The text of a shipped scenario.
    static func text(_ name: String) -> String {
        (try? String(contentsOfFile: Fixtures.root.appendingPathComponent(path(name)).path, encoding: .utf8)) ?? ""
    }

    /// A fresh session on the shipped datasets, working in `folder` (the repository root by default).
    static func session(in folder: String = Fixtures.root.path) -> Session {
        let session = Fixtures.session()
        session.workingDirectory = folder
        return session
    }

    /// Runs `text` as the file `name` in `session`; returns the result.
    @discardableResult
    static func run(_ text: String, named name: String, in session: Session) -> Session.RunResult {
        session.run(SourceFile(name: name, text: text))
    }

    /// The rendered outputs and diagnostics of running `text` in `session`.
    static func render(_ text: String, in session: Session, name: String = "<test>") -> (output: String, errors: String)
    {
        let file = SourceFile(name: name, text: text)
        let result = session.run(file)
        let renderer = DiagnosticRenderer(language: session.state.language)
        let output = OutputRenderer.render(
            result.outputs, language: session.state.language, renderer: renderer, file: file)
        return (output, renderer.render(result.diagnostics, files: result.files))
    }

    /// The results a scenario is judged by: every ledger line, the impact by area and service,
    /// and the skyggebudsjett.
    static let results = "show impact\nshow impact by area\nshow impact by service\nshow budget\n"

    /// The header used when a test saves a session's scenario from the repository root.
    static var header: ScenarioWriter.Header {
        ScenarioWriter.Header(origin: ("test", "test"), folder: nil, workingDirectory: Fixtures.root.path)
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "harmoni-scenario-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return WritePolicy.realPath(path) ?? path
    }

    /// Writes a text file (creating its folder).
    static func write(_ text: String, _ path: String) {
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    /// Reads a file ("" when missing).
    static func read(_ path: String) -> String {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Every entry below `folder` (relative paths, sorted) with its size and modification date, so a
    /// test sees any file created, changed or removed; symbolic links are listed, not followed.
    static func listing(_ folder: String) -> [String] {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: folder) else { return [] }
        var entries: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let attributes = (try? manager.attributesOfItem(atPath: folder + "/" + relative)) ?? [:]
            let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
            let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let type = (attributes[.type] as? FileAttributeType)?.rawValue ?? "?"
            entries.append("\(relative) \(type) \(size) \(date)")
        }
        return entries.sorted()
    }
}
