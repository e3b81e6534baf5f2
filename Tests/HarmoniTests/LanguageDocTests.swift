import Foundation
import Testing

@testable import Harmoni

/// A fenced example of docs/LANGUAGE.md: its info string, text, first line in the page, and the
/// text of the line after the closing fence (the expected message of an error example).
struct DocExample: CustomTestStringConvertible, Sendable {
    var kind: String
    var text: String
    var line: Int
    var after: String
    var testDescription: String { "LANGUAGE.md:\(line)" }

    /// The examples in the page, in order.
    static let all: [DocExample] = {
        let path = Fixtures.root.appendingPathComponent("docs/LANGUAGE.md").path
        let lines = ScenarioFixtures.read(path).components(separatedBy: "\n")
        var examples: [DocExample] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard line.hasPrefix("```") else {
                index += 1
                continue
            }
            let kind = String(line.dropFirst(3))
            var body: [String] = []
            index += 1
            while index < lines.count, !lines[index].hasPrefix("```") {
                body.append(lines[index])
                index += 1
            }
            let start = index - body.count
            index += 1
            let after = index < lines.count ? lines[index] : ""
            examples.append(
                DocExample(kind: kind, text: body.joined(separator: "\n") + "\n", line: start, after: after))
        }
        return examples
    }()

    static var runnable: [DocExample] { all.filter { $0.kind == "harmoni" } }
    static var failing: [DocExample] { all.filter { $0.kind == "harmoni-error" } }
}

@Suite("docs/LANGUAGE.md: every example runs")
struct LanguageDocTests {
    /// A fresh working directory with the shipped `datasets/` and `scenarios/` linked in, so the
    /// examples' paths resolve and their writes land in a temporary folder.
    static func workingDirectory() -> String {
        let folder = ScenarioFixtures.temporaryFolder()
        for name in ["datasets", "scenarios"] {
            try? FileManager.default.createSymbolicLink(
                atPath: folder + "/" + name, withDestinationPath: Fixtures.root.appendingPathComponent(name).path)
        }
        return folder
    }

    @Test("The page has examples of both kinds")
    func found() {
        #expect(DocExample.runnable.count >= 25)
        #expect(DocExample.failing.count >= 10)
    }

    @Test(
        "Every ```harmoni example runs without an error in a fresh session on the shipped datasets",
        arguments: DocExample.runnable)
    func runs(example: DocExample) {
        let folder = Self.workingDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = ScenarioFixtures.session(in: folder)
        let result = ScenarioFixtures.render(example.text, in: session, name: "LANGUAGE.md")
        #expect(result.errors.isEmpty, "\(example.testDescription):\n\(example.text)\n\(result.errors)")
    }

    @Test(
        "Every ```harmoni-error example fails, with the message the page gives after it", arguments: DocExample.failing)
    func fails(example: DocExample) {
        let folder = Self.workingDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = ScenarioFixtures.render(
            example.text, in: ScenarioFixtures.session(in: folder), name: "LANGUAGE.md")
        #expect(result.errors.contains("feil:"), "\(example.testDescription) did not fail")
        #expect(ScenarioFixtures.listing(folder).count == 2, "a failing example wrote something")
        if example.after.hasPrefix("`feil: ") {
            let message = example.after.dropFirst(1).dropLast(1).replacingOccurrences(of: " (…)", with: "")
            #expect(
                result.errors.contains(message), "\(example.testDescription): expected \(message)\n\(result.errors)")
        }
    }

    @Test("Every statement and every function has an example on the page")
    func complete() {
        let lines = DocExample.runnable.flatMap { $0.text.components(separatedBy: "\n") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var missing: [String] = []
        for spec in StatementRegistry.all {
            let spelled = spec.words.joined(separator: " ")
            if !lines.contains(where: { $0 == spelled || $0.hasPrefix(spelled + " ") }) { missing.append(spelled) }
        }
        let code = lines.joined(separator: "\n")
        if !code.contains("let ") { missing.append("let") }
        for function in Functions.names where !code.contains(function + "(") { missing.append(function + "()") }
        #expect(missing.isEmpty, "no example for \(missing)")
    }

    @Test("The save example writes exactly the file the page shows")
    func saveExample() throws {
        let example = try #require(DocExample.runnable.first { $0.text.contains("save \"ut/sfo-snitt.harmoni\"") })
        let shown = try #require(DocExample.all.first { $0.kind == "" && $0.line > example.line })
        let folder = Self.workingDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = ScenarioFixtures.render(example.text, in: ScenarioFixtures.session(in: folder))
        #expect(ScenarioFixtures.read(folder + "/ut/sfo-snitt.harmoni") == shown.text)
    }

    @Test("The help example of every statement runs without an error")
    func helpExamples() {
        var failures: [String] = []
        for spec in StatementRegistry.all {
            let folder = Self.workingDirectory()
            let result = ScenarioFixtures.render(spec.example, in: ScenarioFixtures.session(in: folder))
            if !result.errors.isEmpty { failures.append("\(spec.example): \(result.errors)") }
            try? FileManager.default.removeItem(atPath: folder)
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("The merged reference replaced LANGUAGE-compare.md and LANGUAGE-simulate.md")
    func merged() {
        for name in ["LANGUAGE-compare.md", "LANGUAGE-simulate.md"] {
            #expect(!FileManager.default.fileExists(atPath: Fixtures.root.appendingPathComponent("docs/" + name).path))
        }
    }
}
