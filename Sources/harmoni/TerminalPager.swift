import Foundation

/// Runs the pager (`$PAGER`, default `less -S`) for the interactive REPL on a terminal: the only
/// code in Harmoni that starts a program. The library decides when (a result wider than the
/// terminal, at the prompt, never while a file runs); this file only starts it.
enum TerminalPager {
    /// Starts `/bin/sh -c command` with `text` on its standard input and waits for it to end;
    /// false if it could not be started (the REPL then prints the text itself).
    @Sendable static func run(_ command: String, _ text: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let input = Pipe()
        process.standardInput = input
        // A pager quit before it read everything closes the pipe: ignore SIGPIPE, so the write
        // below fails quietly instead of ending the REPL.
        signal(SIGPIPE, SIG_IGN)
        do { try process.run() } catch { return false }
        try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return true
    }
}
