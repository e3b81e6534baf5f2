import Foundation
import HarmoniLanguage
import HarmoniModel

/// The dataset folder of a merger of 2020 that Harmoni can start from: the old municipalities
/// and their populations from the national tables, the national rules and parameters of the
/// template (the shipped datasets), and every local figure the model uses as `missing`.
///
/// Pure: ``files`` are names and texts; writing them is the caller's.
public struct MergerScaffold: Sendable {
    /// File name → text, in writing order.
    public var files: [(name: String, text: String)]
    /// The new municipality's id (`nye_kristiansand`) and the old ones' (`kristiansand`, `songdalen`, `sogne`).
    public var newID: MunicipalityID
    public var oldIDs: [MunicipalityID]
    /// The new municipality's display name (`Kristiansand`), for what users read.
    public var newName: String
    /// The old municipalities' display names, in the order of ``oldIDs``.
    public var partNames: [String]
    /// The folder name it suggests (`nye-kristiansand`).
    public var suggestedFolder: String
    /// How many figures are recorded as missing.
    public var missingCount: Int

    /// The template's files the scaffold reuses: `nasjonal.harmoni`, `kilder.harmoni`, `husholdninger.harmoni`.
    public struct TemplateFiles: Sendable {
        public var nasjonal: String
        public var kilder: String
        public var husholdninger: String
        public init(nasjonal: String, kilder: String, husholdninger: String) {
            self.nasjonal = nasjonal
            self.kilder = kilder
            self.husholdninger = husholdninger
        }

        /// Reads them from a datasets folder.
        public static func read(_ folder: String) -> TemplateFiles? {
            func text(_ name: String) -> String? {
                try? String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8)
            }
            guard let n = text("nasjonal.harmoni"), let k = text("kilder.harmoni"), let h = text("husholdninger.harmoni") else {
                return nil
            }
            return TemplateFiles(nasjonal: n, kilder: k, husholdninger: h)
        }
    }

    /// An id from a municipality name: `Søgne` → `sogne`, `Divtasvuodna - Tysfjord` → `divtasvuodna_tysfjord`.
    public static func slug(_ name: String) -> String {
        let replaced = name.lowercased().replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "ø", with: "o")
            .replacingOccurrences(of: "å", with: "a")
        let folded = replaced.folding(options: [.diacriticInsensitive], locale: nil)
        var out = ""
        for c in folded {
            if c.isASCII && (c.isLetter || c.isNumber) { out.append(c) } else if out.last != "_" { out.append("_") }
        }
        out = out.trimmingCharacters(in: CharacterSet(charactersIn: "_"))
        if out.isEmpty || out.first?.isNumber == true { out = "k" + out }
        return out
    }

    /// What every scaffold takes from the template, worked out once for any number of mergers:
    /// the figures asked for, and the national, household and source texts to copy.
    public struct Template: Sendable {
        var figures: [FigureTemplate.Figure]
        /// Each figure's `missing` block after its id (`{`, the fields, `}`), written once.
        var missingBodies: [String]
        /// `nasjonal.harmoni` without its dataset block and header.
        var national: String
        /// `husholdninger.harmoni` without its header.
        var households: String
        /// The template's source blocks that the national and household texts cite.
        var sources: [String]

        public init(_ template: Dataset, files: TemplateFiles) {
            figures = FigureTemplate(template).figures
            missingBodies = figures.map(ScaffoldWriter.missingBody)
            let withoutDataset = ScaffoldWriter.removingBlocks(ofKind: "dataset", from: files.nasjonal)
            national = ScaffoldWriter.droppingHeader(withoutDataset)
            households = ScaffoldWriter.droppingHeader(files.husholdninger)
            let referenced = ScaffoldWriter.referencedSources(withoutDataset + files.husholdninger)
            sources = ScaffoldWriter.blocks(ofKind: "source", in: files.kilder).filter { referenced.contains($0.id) }.map(\.text)
        }
    }

    public init(merger: NationalTables.Merger, tables: NationalTables, template: Dataset, templateFiles: TemplateFiles) {
        self.init(merger: merger, tables: tables, template: Template(template, files: templateFiles))
    }

    /// The scaffold of one merger from a template prepared once (``Template``).
    public init(merger: NationalTables.Merger, tables: NationalTables, template: Template) {
        let newSlug = "nye_" + Self.slug(merger.new.name)
        newID = MunicipalityID(newSlug)
        var ids: [MunicipalityID] = []
        for part in merger.parts {
            var id = Self.slug(tables.dataset.municipality(part.from)?.name ?? part.from.rawValue)
            if ids.contains(MunicipalityID(id)) || id == newSlug { id += "_" + (tables.dataset.municipality(part.from)?.number ?? "") }
            ids.append(MunicipalityID(id))
        }
        oldIDs = ids
        newName = merger.new.name
        partNames = merger.parts.map { tables.dataset.municipality($0.from)?.name ?? $0.from.rawValue }
        suggestedFolder = newSlug.replacingOccurrences(of: "_", with: "-")
        missingCount = template.figures.count * ids.count
        var writer = ScaffoldWriter(
            merger: merger, tables: tables, newID: newID, oldIDs: ids, figures: template.figures, missingBodies: template.missingBodies)
        files = writer.files(template)
    }
}
