import Testing

@testable import Harmoni

/// A small valid dataset the validation tests add one block to: baseline year 2019, one
/// municipality, area, service and source.
enum MiniDataset {
    static let base = """
        dataset test_2019 {
          title = "Test"
          baseline_year = 2019
        }

        municipality asker {
          number = "0220"
          name = "Asker"
        }

        area oppvekst {
          name = "Oppvekst"
        }

        service sfo {
          name = "SFO"
          area = oppvekst
        }

        source kilde {
          title = "Kilde"
        }

        """

    /// A valid fee to edit: `fee(…)` replaces one of its lines.
    static let feeLines = [
        "  value = 2 990 kr/mnd", "  billed_months = 11", "  vat = none", "  valid = 2019-01-01...2019-07-31",
        "  status = published", "  method = \"as printed\"", "  source = kilde",
    ]

    /// A fee block with some lines replaced (by prefix: `"  value"` → the new line) or removed (`""`).
    static func fee(_ changes: [String: String], id: String = "asker.sfo.plass") -> String {
        var lines = feeLines
        for (prefix, replacement) in changes {
            guard let i = lines.firstIndex(where: { $0.hasPrefix(prefix) }) else {
                lines.append(replacement)
                continue
            }
            lines[i] = replacement
        }
        return "fee \(id) {\n" + lines.filter { !$0.isEmpty }.joined(separator: "\n") + "\n}\n"
    }

    /// Loads the base plus `marked` (named `<test>`); returns every diagnostic (parse and
    /// validation) of the test file, in order, and the dataset.
    static func load(_ marked: MarkedSource) -> (diagnostics: [Diagnostic], dataset: Dataset) {
        let baseFile = SourceFile(name: "base.harmoni", text: base)
        let file = marked.file
        let (baseUnit, baseDiagnostics) = Parser.parse(baseFile)
        let (unit, parseDiagnostics) = Parser.parse(file)
        #expect(baseDiagnostics.isEmpty)
        let (dataset, validation) = DatasetLoader.load([(baseFile, baseUnit), (file, unit)])
        let all = (parseDiagnostics + validation.filter { $0.fileName == file.name }).enumerated().sorted {
            ($0.element.range.start, $0.offset) < ($1.element.range.start, $1.offset)
        }.map(\.element)
        #expect(!validation.contains { $0.fileName == baseFile.name }, "\(validation.map(\.message.en))")
        return (all, dataset)
    }
}
