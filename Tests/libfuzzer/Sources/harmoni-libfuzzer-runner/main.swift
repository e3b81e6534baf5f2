import CLibFuzzer
import Foundation
import HarmoniFuzzing

// harmoni-libfuzzer-runner: libFuzzer drives HarmoniFuzzing's runner check: each input is a
// scenario run by a session on the shipped dataset, every output rendered. A crash (an
// arithmetic overflow traps) or a hang (> -timeout) is what it looks for. Sessions run in a
// temporary folder of their own, so what a scenario exports lands there. Run by
// Tests/libfuzzer/run; `--dictionary` prints the libFuzzer dictionary of the language's words.

if CommandLine.arguments.dropFirst().first == "--dictionary" {
    print(FuzzDictionary.text, terminator: "")
    exit(0)
}

/// The dataset, loaded once before the first input, and the folder sessions write in.
enum Runner {
    nonisolated(unsafe) static var context: RunnerContext!

    static func prepare() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("harmoni-libfuzzer-runner-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        context = RunnerContext(workingDirectory: folder)
        _ = context.session()
    }

    static func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
        if let problem = FuzzChecks.runner(text, context: context) {
            FileHandle.standardError.write(Data("harmoni-libfuzzer-runner: broken promise: \(problem)\n".utf8))
            abort()
        }
        return 0
    }
}

Runner.prepare()
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in Runner.testOneInput(data, size) })
