import Foundation
import Testing

@testable import Harmoni

/// The promises of every write (docs/RELIABILITY.md): all files or none, only a regular file is
/// replaced, no temporary file is left, messages in Norwegian.
@Suite("Write promises")
struct WritePromiseTests {
    static func folder() throws -> String { try ExportStatementTests.folder() }

    /// The names in `folder`, sorted (hidden ones too: temporaries start with a dot).
    static func names(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// The type of what is at `path`, not following a final symbolic link.
    static func type(_ path: String) -> FileAttributeType? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
    }

    @Test("One target that cannot be written stops them all: nothing is written, no temporary file, no folder left")
    func allOrNothing() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        ReplFixtures.write("a file", dir + "/afile")
        ReplFixtures.write("old", dir + "/old.csv")
        let writes = [
            FileWrite("new 1", to: dir + "/ny/dyp/en.csv", shown: "ny/dyp/en.csv", overwrite: false),
            FileWrite("new 2", to: dir + "/old.csv", shown: "old.csv", overwrite: true),
            FileWrite("new 3", to: dir + "/afile/x.csv", shown: "afile/x.csv", overwrite: false),
        ]
        #expect(throws: FileWriteError.folderIsFile("afile/x.csv", dir + "/afile")) { try FileAccess.writeAll(writes) }
        #expect(Self.names(dir) == ["afile", "old.csv"])
        #expect(ExportStatementTests.read(dir + "/old.csv") == "old")
        let message = FileWriteError.folderIsFile("afile/x.csv", "afile").message(.nb)
        #expect(message == "kunne ikke skrive «afile/x.csv»: «afile» er en fil, ikke en mappe")
        // Without the bad one, all are written, folders made, and nothing else is left.
        try FileAccess.writeAll(Array(writes.prefix(2)))
        #expect(Self.names(dir) == ["afile", "ny", "old.csv"])
        #expect(ExportStatementTests.read(dir + "/ny/dyp/en.csv") == "new 1")
        #expect(ExportStatementTests.read(dir + "/old.csv") == "new 2")
        #expect(Self.names(dir + "/ny/dyp") == ["en.csv"])
    }

    @Test("A file name of 241 to 255 bytes is written and replaced (the temporary name is short); 256 is a clear error")
    func longNames() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for length in [241, 250, 255] {
            let path = dir + "/" + String(repeating: "ø", count: (length - 4) / 2) + String(repeating: "x", count: (length - 4) % 2) + ".csv"
            try FileAccess.writeAtomically("1", to: path, overwrite: false)
            try FileAccess.writeAtomically("2", to: path, overwrite: true)
            #expect(ExportStatementTests.read(path) == "2")
        }
        #expect(Self.names(dir).count == 3)
        let tooLong = dir + "/" + String(repeating: "a", count: 256)
        #expect(throws: FileWriteError.nameTooLong(tooLong)) { try FileAccess.writeAtomically("1", to: tooLong, overwrite: false) }
        #expect(FileWriteError.nameTooLong("x").message(.nb).contains("filnavnet er for langt"))
        #expect(Self.names(dir).count == 3)
    }

    @Test("Only a regular file is replaced: never a device, a symbolic link (to /proc/self/fd/1 or dangling), a folder or a pipe")
    func onlyRegularFiles() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir + "/stdout", withDestinationPath: "/proc/self/fd/1")
        try FileManager.default.createSymbolicLink(atPath: dir + "/dangling", withDestinationPath: dir + "/nowhere")
        try FileManager.default.createDirectory(atPath: dir + "/folder", withIntermediateDirectories: false)
        #expect(mkfifo(dir + "/fifo", 0o600) == 0)
        #expect(throws: FileWriteError.notRegular("/dev/null")) { try FileAccess.writeAtomically("x", to: "/dev/null", overwrite: true) }
        #expect(Self.type("/dev/null") == .typeCharacterSpecial)
        #expect(throws: FileWriteError.symbolicLink(dir + "/stdout")) { try FileAccess.writeAtomically("x", to: dir + "/stdout", overwrite: true) }
        #expect(throws: FileWriteError.symbolicLink(dir + "/dangling")) { try FileAccess.writeAtomically("x", to: dir + "/dangling", overwrite: true) }
        #expect(throws: FileWriteError.notAFile(dir + "/folder")) { try FileAccess.writeAtomically("x", to: dir + "/folder", overwrite: true) }
        #expect(throws: FileWriteError.notRegular(dir + "/fifo")) { try FileAccess.writeAtomically("x", to: dir + "/fifo", overwrite: true) }
        #expect(Self.type(dir + "/stdout") == .typeSymbolicLink)
        #expect(Self.type(dir + "/dangling") == .typeSymbolicLink)
        #expect(!FileManager.default.fileExists(atPath: dir + "/nowhere"))
        #expect(Self.names(dir) == ["dangling", "fifo", "folder", "stdout"])
        #expect(FileWriteError.notRegular("/dev/null").message(.nb).contains("er ikke en vanlig fil"))
    }

    @Test("run --force --output refuses a device and a symbolic link; without --force an existing --output stops the scenario's exports too")
    func runOutput() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        ReplFixtures.write("export diff sfo to \"ut/sfo.csv\"\n", dir + "/s.harmoni")
        ReplFixtures.write("old", dir + "/existing.html")
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.html", withDestinationPath: "/proc/self/fd/1")
        let existing = try Executable.run(["run", "--output", "existing.html", "s.harmoni"], in: dir)
        #expect(existing.status == 1)
        #expect(existing.stderr.contains("«existing.html» finnes fra før"))
        #expect(existing.stderr.contains("Ingen filer ble skrevet."))
        #expect(Self.names(dir) == ["existing.html", "link.html", "s.harmoni"])
        for target in ["/dev/null", "link.html"] {
            let forced = try Executable.run(["run", "--force", "--format", "html", "--output", target, "s.harmoni"], in: dir)
            #expect(forced.status == 1)
            #expect(forced.stderr.contains("«\(target)» er"))
            #expect(!forced.stderr.contains("NSCocoaErrorDomain"))
        }
        #expect(Self.type("/dev/null") == .typeCharacterSpecial)
        #expect(Self.type(dir + "/link.html") == .typeSymbolicLink)
        #expect(Self.names(dir) == ["existing.html", "link.html", "s.harmoni"])
        let good = try Executable.run(["run", "--force", "--output", "existing.html", "s.harmoni"], in: dir)
        #expect(good.status == 0)
        #expect(Self.names(dir) == ["existing.html", "link.html", "s.harmoni", "ut"])
        #expect(Self.names(dir + "/ut") == ["sfo.csv"])
    }

    @Test("An export into a path below a regular file says so in Norwegian and writes none of the run's files")
    func exportBelowAFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        ReplFixtures.write("export diff sfo to \"ok.csv\"\nexport diff sfo to \"afile/x.csv\"\n", dir + "/s.harmoni")
        ReplFixtures.write("a file", dir + "/afile")
        let result = try Executable.run(["run", "s.harmoni"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("«afile» er en fil, ikke en mappe") || result.stderr.contains("«afile/x.csv»"))
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        #expect(Self.names(dir) == ["afile", "s.harmoni"])
    }

    @Test("Piped .output and .save --force refuse a dangling symbolic link, a link to /proc/self/fd/1 and a device")
    func replWrites() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir + "/dangling", withDestinationPath: dir + "/nowhere")
        try FileManager.default.createSymbolicLink(atPath: dir + "/stdout", withDestinationPath: "/proc/self/fd/1")
        let (loop, _, output) = ReplFixtures.loop(
            lines: [
                ".output dangling", ".output --force stdout", ".save --force dangling", ".save --force stdout",
                ".output --force /dev/null", "print 1",
            ], folder: dir)
        _ = loop.run()
        #expect(output.err.contains("«\(dir)/dangling» er en symbolsk lenke"))
        #expect(output.err.contains("«\(dir)/stdout» er en symbolsk lenke"))
        #expect(output.out.hasSuffix("1\n"))
        #expect(Self.type(dir + "/dangling") == .typeSymbolicLink)
        #expect(Self.type(dir + "/stdout") == .typeSymbolicLink)
        #expect(!FileManager.default.fileExists(atPath: dir + "/nowhere"))
        #expect(Self.names(dir) == ["dangling", "stdout"])
    }

    @Test(".output appends each entry's results to the same file instead of rewriting it")
    func outputAppends() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (loop, _, _) = ReplFixtures.loop(lines: [".output res.txt"], folder: dir)
        _ = loop.run()
        let file = try #require(loop.outputFile)
        let inode = try #require(try FileManager.default.attributesOfItem(atPath: dir + "/res.txt")[.systemFileNumber] as? Int)
        for n in 1...50 { loop.handle("print \(n)") }
        #expect(ExportStatementTests.read(dir + "/res.txt") == (1...50).map { "\($0)\n" }.joined())
        // The same file throughout: an atomic rewrite would have made a new one each time.
        #expect(try FileManager.default.attributesOfItem(atPath: dir + "/res.txt")[.systemFileNumber] as? Int == inode)
        #expect(file.path == dir + "/res.txt")
        #expect(Self.names(dir) == ["res.txt"])
    }

    @Test("Temporary files of processes that no longer run are removed by the next write to their folder; a live one's are kept")
    func staleTemporaries() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier
        let live = getppid()
        for name in [".harmoni-\(dead)-1.tmp", ".harmoni-\(live)-1.tmp", ".ut.csv.\(dead).tmp", ".annen.csv.\(dead).tmp", "mine.tmp"] {
            ReplFixtures.write("x", dir + "/" + name)
        }
        try FileAccess.writeAtomically("ny", to: dir + "/ut.csv", overwrite: false)
        #expect(Self.names(dir) == [".annen.csv.\(dead).tmp", ".harmoni-\(live)-1.tmp", "mine.tmp", "ut.csv"])
    }
}
