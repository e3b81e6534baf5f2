import Foundation
import Testing

@testable import Harmoni

@Suite("Tab completion")
struct ReplCompletionTests {
    static let context = CompletionContext(dataset: Fixtures.dataset, workingDirectory: "/nowhere")

    /// The candidate texts for a line prefix.
    func texts(_ line: String, _ context: CompletionContext = context, list: (String) -> [Completion.FolderEntry] = { _ in [] })
        -> [String]
    {
        Completion.complete(line, context: context, list: list).candidates.map(\.text)
    }

    @Test("The first word completes to statements, their aliases, let, help and quit")
    func firstWord() {
        #expect(texts("prin") == ["print"])
        #expect(texts("pri") == ["prices", "print", "priser"])
        #expect(texts("sk") == ["skriv"])
        let all = texts("")
        for word in ["print", "let", "help", "quit"] { #expect(all.contains(word), "\(word)") }
        #expect(!all.contains("sfo"))
        #expect(Completion.complete("prin", context: Self.context).candidates == [CompletionCandidate("print", suffix: " ")])
    }

    @Test("Statements come from the registry: two-word statements complete their second word")
    func registryDriven() {
        let specs = [
            StatementSpec(words: ["show", "diff"], usage: "show diff <tjeneste> [per year|as published]",
                summary: ("", ""), example: "", action: { _, _, _ in [] }),
            StatementSpec(words: ["show", "impact"], usage: "show impact [by area]", summary: ("", ""), example: "",
                action: { _, _, _ in [] }),
            StatementSpec(words: ["harmonise"], usage: "harmonise <tjeneste> to <nivå> [over <år>]", summary: ("", ""),
                example: "", action: { _, _, _ in [] }),
        ]
        let context = CompletionContext(dataset: Fixtures.dataset, specs: specs, workingDirectory: "/")
        #expect(texts("sh", context) == ["show"])
        #expect(texts("show ", context) == ["diff", "effekt", "forskjell", "forskjeller", "impact", "sammenligning", "virkning"])
        #expect(texts("vis i", context) == ["impact"])
        #expect(texts("harmonise sfo.* t", context) == ["til", "to"])
        #expect(texts("harmonise sfo.* to lowest o", context) == ["over"])
        #expect(texts("show diff sfo a", context).contains("as"))
        #expect(texts("help sh", context) == ["show"])
        #expect(texts("help show ", context) == ["diff", "impact"])
        #expect(!context.keywords.contains("tjeneste"))
    }

    @Test("Completion by position: after show its objects, after a target to/by, after «to» levels and municipalities")
    func positional() {
        #expect(texts("show ").contains("budget"))
        #expect(texts("vis sk") == ["skyggebudsjett"])
        #expect(texts("vis h") == ["household", "households", "husholdning", "husholdninger"])
        #expect(!texts("show ").contains("sfo"), "objects, not eighty unrelated words")
        #expect(texts("harmonise sfo.* ") == ["by", "med", "til", "to"])
        #expect(texts("harmoniser barnehage.kost ") == ["by", "med", "til", "to"])
        #expect(texts("harmonise sfo.* til ") == ["asker", "highest", "hurum", "høyeste", "høyest", "laveste", "lavest", "lowest", "mean", "royken", "snitt", "gjennomsnitt", "vektet", "weighted"].sorted())
        #expect(texts("harmoniser sfo.* til a") == ["asker"])
        #expect(texts("harmonise sfo.* to asker ").contains("over"))
        #expect(!texts("harmonise sfo.* to asker ").contains("sfo"))
        #expect(texts("harmonise s") == ["sfo"])
        #expect(texts("show impact by ").contains("area"))
        #expect(texts("vis virkning etter k") == ["kommune"])
        #expect(texts("print s").contains("sfo"), "in expressions every value still completes")
    }

    @Test("A service id followed by a dot completes to its fee lines and a wildcard")
    func serviceLines() {
        let lines = texts("print sfo.")
        #expect(lines.contains("sfo.plass_5d"))
        #expect(lines.contains("sfo.ferie_dag"))
        #expect(lines.contains("sfo.*"))
        #expect(lines.allSatisfy { $0.hasPrefix("sfo.") })
        #expect(texts("print sfo.plass_5") == ["sfo.plass_5d"])
    }

    @Test("A municipality followed by a dot completes to services, then to their fee lines")
    func municipalityPaths() {
        let services = Completion.complete("print asker.sf", context: Self.context).candidates
        #expect(services == [CompletionCandidate("asker.sfo", suffix: ".")])
        #expect(texts("print asker.sfo.pl") == ["asker.sfo.plass_3d", "asker.sfo.plass_4d", "asker.sfo.plass_5d"])
        #expect(texts("print (asker.sfo.plass_5d + royken.sfo.plass_5") == ["royken.sfo.plass_5d"])
    }

    @Test("Municipalities, typical households, services, functions and let names complete in expressions")
    func values() {
        #expect(texts("print roy") == ["royken"])
        #expect(texts("print hu").contains("hurum"))
        #expect(texts("print a_fam") == ["a_familie_750k"])
        #expect(texts("print kultursk") == ["kulturskole"])
        #expect(texts("print low") == ["lowest"])
        var context = Self.context
        context.bindings = ["pris_ny"]
        #expect(texts("print pris_", context) == ["pris_ny"])
    }

    @Test("Session commands complete after a dot, with their fixed arguments")
    func dotCommands() {
        #expect(texts(".sa") == [".save"])
        #expect(texts(".") == DotCommand.all.map { "." + $0.name }.sorted())
        #expect(texts(".mode ") == ["csv", "json", "md", "table"])
        #expect(texts(".timer o") == ["off", "on"])
        #expect(texts(".save --f") == ["--force"])
        #expect(texts("help .u") == [".undo"])
    }

    @Test("Inside quotes, file names complete: folders end in a slash, files close the quote")
    func fileNames() {
        let listing: (String) -> [Completion.FolderEntry] = { folder in
            switch (folder as NSString).lastPathComponent {
            case ".", "nowhere": return [("scenarier", true), ("skyggebudsjett.csv", false), (".skjult", false), ("andre", false)]
            case "scenarier": return [("hp2020.harmoni", false), ("hp2021.harmoni", false)]
            default: return []
            }
        }
        let top = Completion.complete("export skyggebudsjett to \"s", context: Self.context, list: listing)
        #expect(top.word == "s")
        #expect(top.candidates == [CompletionCandidate("scenarier/", suffix: ""), CompletionCandidate("skyggebudsjett.csv", suffix: "\"")])
        #expect(texts(".load \"scenarier/hp", list: listing) == ["scenarier/hp2020.harmoni", "scenarier/hp2021.harmoni"])
        #expect(texts(".load \"", list: listing) == ["andre", "scenarier/", "skyggebudsjett.csv"])
        #expect(texts(".load \".", list: listing) == [".skjult"])
        #expect(texts(".load scen", list: listing) == ["scenarier/"])
        #expect(texts("print \"a\" + sfo.plass_5", list: listing) == ["sfo.plass_5d"])
    }

    @Test("File names complete from the real file system")
    func realFiles() throws {
        let folder = ReplFixtures.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/ut", withIntermediateDirectories: true)
        ReplFixtures.write("", folder + "/mitt.harmoni")
        let context = CompletionContext(dataset: Fixtures.dataset, workingDirectory: folder)
        #expect(texts(".save \"m", context, list: Completion.listFolder) == ["mitt.harmoni"])
        #expect(texts(".output \"u", context, list: Completion.listFolder) == ["ut/"])
    }

    @Test("The common prefix of candidates is computed by characters")
    func commonPrefix() {
        #expect(Completion.commonPrefix(["asker.sfo.plass_5d", "asker.sfo.plass_4d"]) == "asker.sfo.plass_")
        #expect(Completion.commonPrefix(["røyken", "røy"]) == "røy")
        #expect(Completion.commonPrefix([]) == "")
    }

    @Test("Usage lines give their literal words, not their placeholders")
    func usageKeywords() {
        #expect(CompletionContext.usageKeywords("harmonise <tjeneste|gruppe> to <nivå> [over <år>]") == ["harmonise", "to", "over"])
    }
}
