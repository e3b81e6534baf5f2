import Foundation
import Testing

@testable import Harmoni

@Suite("The export statement")
struct ExportStatementTests {
    /// Stand-ins for the show statements, so export is tested apart from them.
    static let fakeShows: [StatementSpec] = [
        fake("diff") { words in
            guard words == ["sfo"] || words == ["oppvekst"] else { return nil }
            var table = ExportFixtures.diff
            table.title += " (\(words[0]))"
            return [table]
        },
        fake("household") { words in
            guard words.count == 1 else { return nil }
            var table = ExportFixtures.household
            table.title = "Husholdning \(words[0])"
            return [table]
        },
        fake("impact") { words in words == ["by", "area"] ? [ExportFixtures.impact] : nil },
        fake("budget") { words in words.isEmpty ? [ExportFixtures.budget] : nil },
    ]

    /// A `show <word>` spec returning `tables(argument words)`, or failing when that is `nil`.
    static func fake(_ word: String, _ tables: @escaping @Sendable ([String]) -> [Table]?) -> StatementSpec {
        StatementSpec(
            words: ["show", word], usage: "show \(word)", summary: ("", ""), example: "",
            action: { command, _, context throws(Diagnostic) in
                let words = command.words.dropFirst().map { context.file.slice($0.range) }
                guard let result = tables(Array(words)) else {
                    throw context.error("nei", "no", command.keyword.range)
                }
                return result.map { .table($0) }
            })
    }

    /// Runs one export statement in a fresh folder; returns the outputs or the diagnostic.
    static func export(
        _ text: String, in folder: String, specs: [StatementSpec] = fakeShows, force: Bool = false,
        language: DisplayLanguage = .nb
    ) -> Result<[Output], Diagnostic> {
        let file = SourceFile(name: "<test>", text: text)
        let (unit, _) = Parser.parse(file)
        guard let statement = unit.statements.first, case .command(let command) = statement.kind else {
            return .failure(Diagnostic(.error, DiagnosticMessage(code: "test", nb: "parse", en: "parse"), file: "<test>", range: .at(0)))
        }
        var state = SessionState(dataset: Fixtures.dataset, datasetPaths: [])
        state.language = language
        var context = StatementContext(file: file, language: language, workingDirectory: folder)
        context.force = force
        do throws(Diagnostic) {
            return .success(try ExportStatements.export(command, &state, context, specs: specs))
        } catch {
            return .failure(error)
        }
    }

    static func folder() throws -> String {
        let path = (WritePolicy.realPath(FileManager.default.temporaryDirectory.path) ?? "/tmp") + "/harmoni-export-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The file's text, byte-order mark kept (`String(data:encoding:)` would drop it).
    static func read(_ path: String) -> String? {
        (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("export diff sfo to a .csv file writes the show statement's tables as CSV")
    func csv() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let outputs = try Self.export("export diff sfo to \"ut/sfo.csv\"", in: dir).get()
        guard case .text(let message)? = outputs.last else { throw Failure("no message") }
        #expect(message == "Skrev 1 tabell til «ut/sfo.csv» (csv).")
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/ut/sfo.csv"))
        var expected = ExportFixtures.diff
        expected.title += " (sfo)"
        #expect(data == Data(CSVExporter.export([expected]).utf8), "byte for byte, BOM included")
    }

    @Test("The format comes from «as» before the extension, and aliases reach the right show statement")
    func formatAndAliases() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try Self.export("eksporter skyggebudsjett to \"b.md\"", in: dir).get()
        #expect(Self.read(dir + "/b.md") == MarkdownExporter.export([ExportFixtures.budget]))
        _ = try Self.export("export impact by area to \"i.txt\" as json", in: dir).get()
        #expect(Self.read(dir + "/i.txt") == JSONExporter.export([ExportFixtures.impact]))
        _ = try Self.export("export budget to \"b.html\"", in: dir).get()
        #expect(Self.read(dir + "/b.html")?.hasPrefix("<!DOCTYPE html>") == true)
    }

    @Test("An existing file is replaced only with «overwrite» or --force")
    func overwrite() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try Self.export("export budget to \"b.csv\"", in: dir).get()
        let refused = Self.export("export budget to \"b.csv\"", in: dir)
        guard case .failure(let error) = refused else { throw Failure("overwrote without being asked") }
        #expect(error.message.code == "export-path")
        #expect(error.message.nb.contains("finnes fra før"))
        #expect(error.range == SourceRange(17, 24), "the caret points at the file name")
        _ = try Self.export("export budget to \"b.csv\" overwrite", in: dir).get()
        _ = try Self.export("export budget to \"b.csv\"", in: dir, force: true).get()
    }

    @Test(
        "Mistakes get a message at the right word",
        arguments: [
            ("export diff sfo to \"../x.csv\"", "export-path"), ("export diff sfo to \"/etc/x.csv\"", "export-path"),
            ("export nonsense to \"x.csv\"", "export-what"), ("export diff sfo to \"x.xyz\"", "export-format"),
            ("export diff sfo to \"x.csv\" as pdf", "export-format"), ("export diff sfo", "export-syntax"),
            ("export to \"x.csv\"", "export-syntax"), ("export diff tull to \"x.csv\"", "statement"),
            ("export diff sfo to \"x.csv\" overwrite overwrite", "export-syntax"),
        ])
    func mistakes(text: String, code: String) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        guard case .failure(let error) = Self.export(text, in: dir) else { throw Failure("\(text) was accepted") }
        #expect(error.message.code == code, "\(error.message.en)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty, "nothing was written")
    }

    @Test("export report collects every show statement that exists, households in one section")
    func report() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let outputs = try Self.export("export report to \"rapport.html\"", in: dir).get()
        let html = try #require(Self.read(dir + "/rapport.html"))
        #expect(html.contains("<h2>SFO: pris per år (oppvekst)</h2>"))
        #expect(html.components(separatedBy: "<h2>Typiske husholdninger</h2>").count == 2)
        #expect(html.contains("Husholdning a_familie_750k"))
        #expect(html.contains("<h2>Skyggebudsjett</h2>"))
        #expect(html.components(separatedBy: "<svg").count == 3, "charts for the comparison and the impact")
        #expect(html.contains("Ingen vedtak: tabellene viser utgangspunktet"))
        #expect(html.contains("<h2>Sammendrag</h2>"), "the summary first")
        guard case .text(let message)? = outputs.last else { throw Failure("no message") }
        #expect(message.hasPrefix("Skrev "))
    }

    @Test("export report tolerates missing show statements and other formats")
    func reportWithoutShows() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try Self.export("export report to \"tom.html\"", in: dir, specs: []).get()
        #expect(Self.read(dir + "/tom.html")?.contains("Ingen vedtak") == true, "only the summary")
        _ = try Self.export("export rapport to \"alt.csv\"", in: dir).get()
        #expect(Self.read(dir + "/alt.csv")?.contains("Skyggebudsjett 2020–2023: Oppvekst (1 000 kr)\n") == true)
    }

    @Test("export report falls back to other names and to no arguments")
    func reportFallbacks() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let specs = [
            Self.fake("households") { words in words.isEmpty ? [ExportFixtures.household] : nil },
            Self.fake("skyggebudsjett") { words in words.isEmpty ? [ExportFixtures.budget] : nil },
        ]
        _ = try Self.export("export report to \"r.html\"", in: dir, specs: specs).get()
        let html = try #require(Self.read(dir + "/r.html"))
        #expect(html.contains("<h2>Typiske husholdninger</h2>"))
        #expect(html.contains("<h2>Skyggebudsjett</h2>"))
    }

    @Test("The registered statement runs in a session and writes below its working directory")
    func registered() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let session = Fixtures.session()
        session.workingDirectory = dir
        let (output, errors) = Fixtures.run("export report to \"r.html\"\neksporter report to \"r.html\"", in: session)
        #expect(output.hasPrefix("Skrev "))
        #expect(errors.contains("finnes fra før"))
        #expect(Self.read(dir + "/r.html")?.hasPrefix("<!DOCTYPE html>") == true)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
