import Testing
import Foundation
import HarmoniSimulate

@testable import Harmoni

/// A line reader that plays a script: each step is a line, Ctrl-C or Ctrl-D; after the script,
/// end of input. It records every prompt it was shown and every history entry it was given.
final class ScriptedLineReader: LineReader {
    enum Step {
        case line(String)
        case interrupt
        case end
    }

    private var steps: [Step]
    private(set) var prompts: [String] = []
    private(set) var history: [String] = []
    var completionContext: CompletionContext?
    /// The output the reader echoes `prompt + line` into, as a terminal would show it.
    weak var echo: CapturingOutput?

    init(_ steps: [Step]) { self.steps = steps }

    /// A script of plain lines.
    convenience init(lines: [String]) { self.init(lines.map { .line($0) }) }

    /// True when every step was read.
    var isFinished: Bool { steps.isEmpty }

    func readLine(prompt: String) -> LineReadResult {
        prompts.append(prompt)
        guard !steps.isEmpty else { return .endOfInput }
        switch steps.removeFirst() {
        case .line(let line):
            echo?.transcript += prompt + line + "\n"
            return .line(line)
        case .interrupt:
            echo?.transcript += prompt + "^C\n"
            return .interrupted
        case .end:
            echo?.transcript += prompt + "\n"
            return .endOfInput
        }
    }

    func addHistory(_ entry: String) { history.append(entry) }
}

/// Captures what the REPL writes: standard output, standard error, and both interleaved.
final class CapturingOutput: ReplOutput {
    var out = ""
    var err = ""
    var transcript = ""
    func write(_ text: String) {
        out += text
        transcript += text
    }
    func writeError(_ text: String) {
        err += text
        transcript += text
    }
}

/// Builds REPL loops on the shipped dataset, each in its own temporary working directory.
enum ReplFixtures {
    /// A fresh temporary folder.
    static func temporaryFolder() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("harmoni-repl-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes a file (test setup).
    static func write(_ text: String, _ path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    /// A loop over a fresh session with a scripted reader; the working directory is a new temp folder.
    static func loop(
        _ steps: [ScriptedLineReader.Step] = [], interactive: Bool = false, language: DisplayLanguage = .nb,
        folder: String? = nil
    ) -> (loop: ReplLoop, reader: ScriptedLineReader, output: CapturingOutput) {
        let session = Fixtures.session()
        session.workingDirectory = folder ?? temporaryFolder()
        session.state.language = language
        let reader = ScriptedLineReader(steps)
        let output = CapturingOutput()
        reader.echo = output
        return (ReplLoop(session: session, reader: reader, output: output, interactive: interactive), reader, output)
    }

    /// Convenience: a loop whose script is plain lines.
    static func loop(lines: [String], interactive: Bool = false, language: DisplayLanguage = .nb, folder: String? = nil)
        -> (loop: ReplLoop, reader: ScriptedLineReader, output: CapturingOutput)
    {
        loop(lines.map { .line($0) }, interactive: interactive, language: language, folder: folder)
    }

    /// Makes a decision by running the decision statement in the loop, as a user would type it,
    /// and checks that it was recorded.
    static func decide(_ loop: ReplLoop, _ statement: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let before = loop.session.state.scenario.decisions.count
        loop.handle(statement)
        #expect(loop.session.state.scenario.decisions.count == before + 1, "«\(statement)» made no decision", sourceLocation: sourceLocation)
    }

    /// The example of the first registered statement that records a decision, once the
    /// simulator's statements are merged; `nil` until then.
    static let decisionExample: String? = {
        for spec in StatementRegistry.all {
            let session = Fixtures.session()
            session.workingDirectory = temporaryFolder()
            let result = session.run(SourceFile(name: "<example>", text: spec.example))
            if !result.hasErrors, !session.state.scenario.decisions.isEmpty { return spec.example }
        }
        return nil
    }()
}
