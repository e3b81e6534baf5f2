import Foundation
import Testing

@testable import Harmoni

@Suite("harmoni run --format and --output")
struct ExportCLITests {
    @Test(
        "The format comes from --format, else from the --output extension, else the terminal table",
        arguments: [
            ("csv", nil, OutputFormat.export(.csv)), (nil, "ut/x.json", .export(.json)), ("md", "x.csv", .export(.markdown)),
            (nil, nil, .table), ("table", "x.txt", .table), (nil, "x.htm", .export(.html)),
        ] as [(String?, String?, OutputFormat)])
    func choose(format: String?, output: String?, expected: OutputFormat) throws {
        #expect(try OutputFormat.choose(name: format, output: output).get() == expected)
    }

    @Test("An unknown format or extension is a usage error")
    func unknown() {
        #expect(throws: UsageMessage.self) { try OutputFormat.choose(name: "pdf", output: nil).get() }
        #expect(throws: UsageMessage.self) { try OutputFormat.choose(name: nil, output: "x.docx").get() }
    }

    @Test("Tables are written to the output file, never over an existing one without --force, never after errors")
    func write() throws {
        let dir = try ExportStatementTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/alt.csv"
        let result = RunCommand.run(["--output", path, "show diff sfo"], GlobalOptions(), inline: true)
        #expect(result.status == 0)
        #expect(result.stdout == "Skrev 2 tabeller til «\(path)».\n")
        let first = try #require(ExportStatementTests.read(path))
        #expect(first.hasPrefix("\u{FEFF}"))
        let again = RunCommand.run(["--output", path, "show diff barnehage"], GlobalOptions(), inline: true)
        #expect(again.status == 1)
        #expect(ExportStatementTests.read(path) == first)
        let forced = RunCommand.run(["--force", "--output", path, "show diff barnehage"], GlobalOptions(), inline: true)
        #expect(forced.status == 0)
        #expect(ExportStatementTests.read(path) != first)
        let failed = RunCommand.run(["--output", dir + "/feil.json", "show diff sfo\nshow nonsense"], GlobalOptions(), inline: true)
        #expect(failed.status == 1)
        #expect(!FileManager.default.fileExists(atPath: dir + "/feil.json"))
        #expect(failed.stderr.contains("Ingen filer ble skrevet fordi kjøringen hadde feil («\(dir)/feil.json»)"))
    }

    @Test("Without --output the document goes to standard output")
    func stdout() {
        let result = RunCommand.run(["--format", "md", "show diff sfo"], GlobalOptions(), inline: true)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("## Sammenligning: SFO"))
    }

    @Test("End to end: export report writes once, refuses to overwrite, and --force replaces")
    func endToEnd() throws {
        let dir = try ExportStatementTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try Executable.run(["-e", "export report to \"r.html\""], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(ExportStatementTests.read(dir + "/r.html")?.hasPrefix("<!DOCTYPE html>") == true)
        let second = try Executable.run(["-e", "export report to \"r.html\""], in: dir)
        #expect(second.status == 1)
        #expect(second.stderr.contains("finnes fra før"))
        let forced = try Executable.run(["-e", "export report to \"r.html\"", "--force"], in: dir)
        #expect(forced.status == 0, "\(forced.stderr)")
        let outside = try Executable.run(["-e", "export report to \"/tmp/harmoni-should-not-exist.html\""], in: dir)
        #expect(outside.status == 1)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/harmoni-should-not-exist.html"))
        let bad = try Executable.run(["-e", "print 1", "--format", "pdf"], in: dir)
        #expect(bad.status == 2)
        let json = try Executable.run(["-e", "print 1", "--format", "json"], in: dir)
        #expect(json.stdout.hasPrefix("{\n  \"format\": \"harmoni-tables\""))
        #expect(json.stderr == "1\n", "text outputs go to stderr when stdout holds the document")
    }
}
