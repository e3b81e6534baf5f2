import Foundation

/// Runs the built `harmoni` executable (end-to-end tests). `swift test` builds it first.
enum Executable {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The path of the built executable, next to the test bundle.
    static var path: String {
        let bundle = Bundle.main.bundleURL
        var folder = bundle
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("harmoni").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return Fixtures.root.appendingPathComponent(".build/debug/harmoni").path
    }

    /// Runs `harmoni` with arguments, optional standard input and environment additions.
    static func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], in directory: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            status: process.terminationStatus)
    }
}
