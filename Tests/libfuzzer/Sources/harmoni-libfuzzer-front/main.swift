import CLibFuzzer
import Foundation
import HarmoniFuzzing

// harmoni-libfuzzer-front: libFuzzer drives HarmoniFuzzing's front-end check (lexer, parser,
// renderer, loader; fmt gives text that parses to the same tree, fmt is idempotent, comments are
// kept). A broken promise aborts, so libFuzzer saves the input as a crash. Run by
// Tests/libfuzzer/run; `--dictionary` prints the libFuzzer dictionary of the language's words.

if CommandLine.arguments.dropFirst().first == "--dictionary" {
    print(FuzzDictionary.text, terminator: "")
    exit(0)
}

/// One input: the check, and an abort with the broken promise if it fails.
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let problem = FuzzChecks.frontEnd(text) {
        FileHandle.standardError.write(Data("harmoni-libfuzzer-front: broken promise: \(problem)\n".utf8))
        abort()
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in testOneInput(data, size) })
