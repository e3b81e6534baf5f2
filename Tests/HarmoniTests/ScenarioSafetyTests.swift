import Foundation
import Testing

@testable import Harmoni

/// A hostile scenario: its text, what the error must say, and files to set up first.
struct HostileScenario: CustomTestStringConvertible, Sendable {
    var name: String
    /// The scenario; `SIBLING` stands for the absolute path of the folder beside the working directory.
    var text: String
    var message: String
    var testDescription: String { name }
}

/// Hostile scenarios run through the built executable in a temporary working directory with a
/// sibling folder beside it: each must fail with a clear error, exit 1 (never crash), write
/// nothing anywhere (both folders are listed before and after) and print no control character.
@Suite("Hostile scenarios: clear errors, nothing written, no crash")
struct ScenarioSafetyTests {
    static let cases: [HostileScenario] = [
        HostileScenario(
            name: "path traversal (export)", text: "export diff sfo to \"../sibling/x.csv\"\n",
            message: "«..» er ikke lov i en filsti"),
        HostileScenario(
            name: "path traversal (save)", text: "harmonise sfo.* to lowest\nsave \"ut/../../sibling/x.harmoni\"\n",
            message: "«..» er ikke lov i en filsti"),
        HostileScenario(
            name: "absolute path (export)", text: "export diff sfo to \"SIBLING/x.csv\"\n",
            message: "er utenfor arbeidsmappen"),
        HostileScenario(
            name: "absolute path (save)", text: "save \"SIBLING/x.harmoni\"\n", message: "er utenfor arbeidsmappen"),
        HostileScenario(
            name: "symbolic link to a folder outside", text: "export diff sfo to \"lenke/x.csv\"\n",
            message: "er utenfor arbeidsmappen"),
        HostileScenario(
            name: "symbolic link as the file", text: "export diff sfo to \"fil.csv\" overwrite\n",
            message: "er en symbolsk lenke"),
        HostileScenario(
            name: "overwrite without consent (export)", text: "export diff sfo to \"eksisterende.csv\"\n",
            message: "finnes fra før"),
        HostileScenario(
            name: "overwrite without consent (save)",
            text: "harmonise sfo.* to lowest\nsave \"eksisterende.harmoni\"\n",
            message: "finnes fra før"),
        HostileScenario(
            name: "a good write before a bad one",
            text: "export diff sfo to \"ny/god.csv\"\nexport diff sfo to \"../sibling/x.csv\"\n",
            message: "Ingen filer ble skrevet fordi kjøringen hadde feil («ny/god.csv»)"),
        HostileScenario(
            name: "include cycle", text: "include \"hostile.harmoni\"\n",
            message: "inkluderer seg selv (syklus: hostile.harmoni → hostile.harmoni)"),
        HostileScenario(
            name: "include of a device", text: "include \"/dev/zero\"\n", message: "er ikke en .harmoni-fil"),
        HostileScenario(
            name: "include of a system file", text: "include \"/etc/passwd\"\n", message: "er ikke en .harmoni-fil"),
        HostileScenario(
            name: "a dataset that is not one", text: "use dataset \"/dev\"\n",
            message: "datasettet «/dev» kan ikke brukes"),
        HostileScenario(
            name: "10 000-deep parentheses",
            text: "print " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000) + "\n",
            message: "uttrykket er nøstet for dypt"),
        HostileScenario(
            name: "a 10 MB line", text: "harmonise " + String(repeating: "a", count: 10_000_000) + " to lowest\n",
            message: "er verken en gebyrlinje"),
        HostileScenario(
            name: "control characters in strings and file names",
            text: "print \"a\u{1B}[2Jb\"\nscenario \"x\u{1B}]0;tittel\u{07}\"\nsave \"x\u{1B}.harmoni\"\n",
            message: "et filnavn kan ikke ha kontrolltegn"),
        HostileScenario(
            name: "control characters in the source", text: "print 1 \u{07}\u{1B}[31m 2\n",
            message: "uventet tegn U+0007"),
    ]

    /// A temporary folder with `work/` (the working directory, holding `hostile.harmoni`, an
    /// existing file, a link to the sibling folder and a link to a file in it) and `sibling/`.
    static func setUp(_ scenario: HostileScenario) throws -> (root: String, work: String, sibling: String) {
        let root = ScenarioFixtures.temporaryFolder()
        let work = root + "/work"
        let sibling = root + "/sibling"
        ScenarioFixtures.write("behold meg\n", sibling + "/keep.txt")
        ScenarioFixtures.write("mine\n", work + "/eksisterende.csv")
        ScenarioFixtures.write("# mine\n", work + "/eksisterende.harmoni")
        try FileManager.default.createSymbolicLink(atPath: work + "/lenke", withDestinationPath: sibling)
        try FileManager.default.createSymbolicLink(
            atPath: work + "/fil.csv", withDestinationPath: sibling + "/keep.txt")
        ScenarioFixtures.write(
            scenario.text.replacingOccurrences(of: "SIBLING", with: sibling), work + "/hostile.harmoni")
        return (root, work, sibling)
    }

    @Test(
        "A hostile scenario fails with a clear error, exits 1, writes nothing and prints no control character",
        arguments: cases)
    func hostile(scenario: HostileScenario) throws {
        let (root, work, _) = try Self.setUp(scenario)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let before = ScenarioFixtures.listing(root)
        let result = try Executable.run(["run", "hostile.harmoni"], in: work)
        #expect(result.status == 1, "exit status \(result.status): \(result.stderr.prefix(2_000))")
        #expect(result.stderr.contains(scenario.message), "\(result.stderr.prefix(2_000))")
        #expect(ScenarioFixtures.listing(root) == before, "a file was created, changed or removed")
        let output = result.stdout + result.stderr
        #expect(
            !output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" },
            "a control character reached the terminal")
        #expect(
            result.stderr.utf8.count < 20_000, "the error is short enough to read (\(result.stderr.utf8.count) bytes)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/x.harmoni"))
    }

    @Test(
        "The same writes succeed where the user allows them: --allow-write for the sibling folder, overwrite for an existing file"
    )
    func allowed() throws {
        let scenario = HostileScenario(
            name: "allowed",
            text: "export diff sfo to \"SIBLING/x.csv\"\nexport diff sfo to \"eksisterende.csv\" overwrite\n",
            message: "")
        let (root, work, sibling) = try Self.setUp(scenario)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try Executable.run(["run", "--allow-write", "../sibling", "hostile.harmoni"], in: work)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(ScenarioFixtures.read(sibling + "/x.csv").hasPrefix("\u{FEFF}"))
        #expect(ScenarioFixtures.read(work + "/eksisterende.csv").hasPrefix("\u{FEFF}"))
        #expect(ScenarioFixtures.read(sibling + "/keep.txt") == "behold meg\n")
    }

    @Test(
        "Running a scenario never starts a program: no code that could run one is in the library, and in the tool only the REPL's pager")
    func noProcesses() throws {
        // The one exception: the executable's pager for the interactive REPL on a terminal
        // (issue 14). The library cannot start a program; `harmoni run`, piped input and `.load`
        // never page (ReplTrapsTests).
        let allowed: Set<String> = ["harmoni/TerminalPager.swift: Process("]
        let forbidden = ["Process(", "posix_spawn", "system(", "popen(", "execv", "execl", "fork(", "NSTask", "dlopen"]
        let sources = Fixtures.root.appendingPathComponent("Sources").path
        var found: [String] = []
        // The benchmark and the reliability harness start the built executables; neither is linked into the tool.
        let folders = (try FileManager.default.contentsOfDirectory(atPath: sources)).filter { $0 != "harmoni-bench" && $0 != "harmoni-fuzz" }
        for folder in folders {
            let path = sources + "/" + folder
            for file in FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? []
            where file.hasSuffix(".swift") || file.hasSuffix(".h") {
                let text = ScenarioFixtures.read(path + "/" + file)
                for word in forbidden where text.contains(word) && !allowed.contains("\(folder)/\(file): \(word)") {
                    found.append("\(folder)/\(file): \(word)")
                }
            }
        }
        #expect(found.isEmpty, "\(found)")
        #expect(folders.contains("Harmoni") && folders.contains("harmoni"), "the scan saw the sources")
    }
}
