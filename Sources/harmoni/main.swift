import Foundation
import Harmoni

// A thin shell: parse nothing here, hand the arguments to the library and print what it says.
let arguments = Array(CommandLine.arguments.dropFirst())
let result = CLI.run(arguments, environment: ProcessInfo.processInfo.environment, isTerminal: isatty(STDOUT_FILENO) == 1)
FileHandle.standardOutput.write(Data(result.stdout.utf8))
FileHandle.standardError.write(Data(result.stderr.utf8))
exit(result.status)
