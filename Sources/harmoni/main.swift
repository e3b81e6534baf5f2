import Foundation
import Harmoni

// A thin shell: the library reads the arguments; this file only picks the line reader for the REPL.
let arguments = Array(CommandLine.arguments.dropFirst())
let environment = ProcessInfo.processInfo.environment
switch CLI.invocation(arguments, environment: environment, isTerminal: isatty(STDOUT_FILENO) == 1) {
case .repl(let options):
    // On a terminal: GNU readline. From a pipe or a file: plain lines, no prompt, no echo.
    let interactive = isatty(STDIN_FILENO) == 1
    let reader: LineReader = interactive ? ReadlineLineReader() : PlainLineReader()
    let status = Repl.start(
        options: options, reader: reader, output: StandardStreamsOutput(), interactive: interactive,
        environment: environment, pager: interactive ? TerminalPager.run : nil)
    exit(status)
case .failed(let result):
    FileHandle.standardError.write(Data(result.stderr.utf8))
    exit(result.status)
case .command:
    let result = CLI.run(arguments, environment: environment, isTerminal: isatty(STDOUT_FILENO) == 1)
    FileHandle.standardOutput.write(Data(result.stdout.utf8))
    FileHandle.standardError.write(Data(result.stderr.utf8))
    exit(result.status)
}
