import Foundation

/// Shows results wider than the terminal through a pager (`$PAGER`, default `less -S`), so wide
/// tables scroll sideways instead of wrapping.
///
/// Only the interactive REPL on a terminal pages: piped input, `harmoni run` and `.load` never
/// start a program (a scenario file is data and must not run one). The library cannot start one
/// at all: the executable hands the REPL the function that runs the pager
/// (`Sources/harmoni/TerminalPager.swift`, the one file allowed to start a program).
public struct Pager: Sendable {
    /// The shell command that reads the text on its standard input: `less -S`.
    public var command: String
    /// `.pager on|off`; on by default on a terminal.
    public var enabled: Bool
    /// The terminal's width in columns, or `nil` when unknown (then nothing is paged).
    public var columns: @Sendable () -> Int?
    /// Runs `command` with `text` on its standard input; false if it could not be started.
    public var run: @Sendable (_ command: String, _ text: String) -> Bool

    /// A pager; by default off, with no terminal width (tests set what they need).
    public init(
        command: String = "less -S", enabled: Bool = false, columns: @escaping @Sendable () -> Int? = { nil },
        run: @escaping @Sendable (String, String) -> Bool = { _, _ in false }
    ) {
        self.command = command
        self.enabled = enabled
        self.columns = columns
        self.run = run
    }

    /// The pager for the REPL on a terminal: `$PAGER` (or `less -S`), the width of standard
    /// output, started by `run` (which the executable provides).
    public static func terminal(environment: [String: String], run: @escaping @Sendable (String, String) -> Bool) -> Pager {
        let chosen = environment["PAGER"].map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return Pager(command: chosen.isEmpty ? "less -S" : chosen, enabled: true, columns: terminalColumns, run: run)
    }

    /// The width of the terminal on standard output, if it is one.
    @Sendable public static func terminalColumns() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// True when `text` has a line wider than the terminal.
    public func wants(_ text: String) -> Bool {
        guard enabled, let columns = columns() else { return false }
        return Self.widest(text) > columns
    }

    /// The width of the widest line, in characters.
    public static func widest(_ text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
    }
}
