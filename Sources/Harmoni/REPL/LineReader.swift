import Foundation

/// What one call to ``LineReader/readLine(prompt:)`` gave.
public enum LineReadResult: Sendable, Equatable {
    /// A line the user entered, without its line break. A recalled multi-line history entry
    /// comes back whole, with its line breaks inside.
    case line(String)
    /// Ctrl-C: the user cancelled the line (and any continuation).
    case interrupted
    /// Ctrl-D on an empty line, or the end of standard input.
    case endOfInput
}

/// Where the REPL reads its input: GNU readline on a terminal (in the executable), plain lines
/// from a pipe or a file, or a script in tests. The loop is written against this protocol only.
public protocol LineReader: AnyObject {
    /// Shows `prompt` (if the reader shows prompts) and reads one line.
    func readLine(prompt: String) -> LineReadResult
    /// Adds an entry to the reader's in-memory history (up-arrow recall); the loop keeps the file.
    func addHistory(_ entry: String)
    /// What tab completion may offer; the loop refreshes it before each prompt. Readers without
    /// completion ignore it.
    var completionContext: CompletionContext? { get set }
}

/// Reads plain lines (no prompt, no echo, no history, no completion): used when standard input
/// is a pipe or a file, so that `harmoni < scenario.harmoni` and `echo 'print 1' | harmoni` work.
public final class PlainLineReader: LineReader {
    private let next: () -> String?
    /// Ignored: there is no completion without a terminal.
    public var completionContext: CompletionContext?

    /// Reads with `next` (by default standard input, a line at a time, line break removed).
    public init(next: @escaping () -> String? = { Swift.readLine(strippingNewline: true) }) {
        self.next = next
    }

    /// The next line (the prompt is not shown), or end of input.
    public func readLine(prompt: String) -> LineReadResult {
        next().map { .line($0) } ?? .endOfInput
    }

    /// Ignored: piped input has no history.
    public func addHistory(_ entry: String) {}
}

/// Where the REPL writes: results and messages to standard output, diagnostics to standard error.
public protocol ReplOutput: AnyObject {
    /// Results (tables, values) and messages for the user.
    func write(_ text: String)
    /// Diagnostics and warnings.
    func writeError(_ text: String)
}

/// Writes to the process's standard output and standard error, unbuffered.
public final class StandardStreamsOutput: ReplOutput {
    /// Writes to this process's standard streams.
    public init() {}
    /// Writes to standard output.
    public func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    /// Writes to standard error.
    public func writeError(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
