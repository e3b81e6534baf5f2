import Foundation
import Testing

/// `scripts/install.sh` puts `harmoni` and its datasets under a prefix, and the installed program
/// runs the main scenario from a folder outside the checkout, on the installed datasets.
@Suite("Install")
struct InstallTests {
    @Test("install.sh into a temporary prefix; the installed harmoni runs the main scenario from outside the checkout")
    func installAndRun() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("harmoni-prefix-\(UUID().uuidString)").path
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("harmoni-work-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(atPath: prefix)
            try? FileManager.default.removeItem(atPath: work)
        }
        // The already built binary: no second (release) build inside `swift test`.
        let script = Fixtures.root.appendingPathComponent("scripts/install.sh").path
        let install = try Self.shell([script, "--prefix", prefix, "--binary", Executable.path], in: work)
        try #require(install.status == 0, "\(install.stderr)")
        let installed = prefix + "/bin/harmoni"
        #expect(FileManager.default.isExecutableFile(atPath: installed))
        #expect(FileManager.default.fileExists(atPath: prefix + "/share/harmoni/datasets/nasjonal.harmoni"))

        // A household only the installed datasets have shows that they, not the checkout's, are read.
        let marker = "household z_installert {\n  definition = \"Installed datasets\"\n  adults = 1\n}\n"
        try marker.write(toFile: prefix + "/share/harmoni/datasets/zz-installert.harmoni", atomically: true, encoding: .utf8)
        let scenario = "hp2020-radmannens-prinsipper.harmoni"
        try FileManager.default.copyItem(
            atPath: Fixtures.root.appendingPathComponent("scenarios/" + scenario).path, toPath: work + "/" + scenario)
        let environment = ["PATH": "/usr/bin:/bin", "HOME": work, "NO_COLOR": "1", "LANG": "C.UTF-8"]
        let found = try Self.shell([installed, "-e", "show household"], in: work, environment: environment)
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.contains("z_installert"))
        try FileManager.default.removeItem(atPath: prefix + "/share/harmoni/datasets/zz-installert.harmoni")

        let run = try Self.shell([installed, "run", scenario], in: work, environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Skyggebudsjett"))
        let reference = try Self.shell(
            [Executable.path, "run", scenario], in: work,
            environment: environment.merging(["HARMONI_DATASETS": Fixtures.root.appendingPathComponent("datasets").path]) { $1 })
        #expect(run.stdout == reference.stdout, "the installed program prints what the checkout's prints")
    }

    /// Runs a program with exactly this environment (nothing inherited) in a folder.
    static func shell(_ arguments: [String], in folder: String, environment: [String: String] = ["PATH": "/usr/bin:/bin"])
        throws -> Executable.Result
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Executable.Result(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            status: process.terminationStatus)
    }
}
