import Foundation

/// One word tab completion offers.
public struct CompletionCandidate: Sendable, Hashable {
    /// The whole word that replaces the word being typed (`sfo.plass_5d`).
    public var text: String
    /// What follows the word when it is the only match: a space, a closing `"` after a file
    /// name, `.` after a service under a municipality, or nothing after a folder.
    public var suffix: String

    /// A candidate; by default a space follows it when it is the only match.
    public init(_ text: String, suffix: String = " ") {
        self.text = text
        self.suffix = suffix
    }
}

/// What completion found for the word before the cursor.
public struct CompletionResult: Sendable, Equatable {
    /// The word being completed (the text after the last word break, or after an open `"`).
    public var word: String
    /// The candidates, each starting with `word`, sorted and without duplicates.
    public var candidates: [CompletionCandidate]
}

/// Tab completion as a pure function of the text before the cursor: statements and keywords,
/// service ids (`sfo.` → its fee lines), municipalities, typical households, `let` names, session
/// commands and their arguments, and file names inside quotes.
public enum Completion {
    /// The characters that end a word; readline is given the same ones, so both agree on the word.
    public static let wordBreakCharacters = " \t\n\"'()[]{}=+*,<>;"

    /// One entry of a folder listing.
    public typealias FolderEntry = (name: String, isFolder: Bool)

    /// Completes the last word of `linePrefix` (the line up to the cursor). `list` reads a folder
    /// (injectable for tests); relative names are resolved against the context's working directory.
    public static func complete(
        _ linePrefix: String, context: CompletionContext, list: (String) -> [FolderEntry] = listFolder
    ) -> CompletionResult {
        let quotes = linePrefix.filter { $0 == "\"" }.count
        if quotes % 2 == 1, let open = linePrefix.lastIndex(of: "\"") {
            let word = String(linePrefix[linePrefix.index(after: open)...])
            return CompletionResult(word: word, candidates: files(word, context, list, closing: "\""))
        }
        let word = String(linePrefix.reversed().prefix { !wordBreakCharacters.contains($0) }.reversed())
        let before = linePrefix.dropLast(word.count)
        let previous = before.split { wordBreakCharacters.contains($0) }.map(String.init)
        return CompletionResult(word: word, candidates: finish(word, candidatesFor(word, previous, context, list)))
    }

    private static func candidatesFor(
        _ word: String, _ previous: [String], _ context: CompletionContext, _ list: (String) -> [FolderEntry]
    ) -> [CompletionCandidate] {
        guard let head = previous.first else {
            let words = word.hasPrefix(".") ? context.dotCommands : context.statementWords
            return words.map { CompletionCandidate($0) }
        }
        if ["help", "hjelp", ".help"].contains(head) {
            if previous.count == 1 {
                return (context.statementWords + context.dotCommands).map { CompletionCandidate($0) }
            }
            return (context.secondWords[previous[1]] ?? []).map { CompletionCandidate($0) }
        }
        if head.hasPrefix(".") {
            if word.hasPrefix("-") { return [CompletionCandidate("--force")] }
            if context.fileCommands.contains(head) { return files(word, context, list, closing: " ") }
            return (context.dotCommandArguments[head] ?? []).map { CompletionCandidate($0) }
        }
        if let dot = word.lastIndex(of: ".") {
            return dotted(String(word[..<dot]), context)
        }
        if let words = positional(previous, context) { return words.map { CompletionCandidate($0) } }
        let words =
            context.services + context.municipalities + context.households + context.areas + context.keywords
            + context.bindings
        return words.map { CompletionCandidate($0) }
    }

    /// The words that may come next at this position of a statement, or `nil` where any value may
    /// (then every word is offered): after `show` its objects; after a decision's target `to`,
    /// `by` (`til`, `med`); after `to` the levels and municipalities; after a level the options.
    /// English and Norwegian spellings both (``Vocabulary``).
    static func positional(_ previous: [String], _ context: CompletionContext) -> [String]? {
        guard let head = previous.first else { return nil }
        let statement = StatementRegistry.canonical(head)
        let rest = previous.dropFirst().map(Vocabulary.canonical)
        func both(_ words: [String]) -> [String] { words + words.flatMap { Vocabulary.spellings(of: $0) } }
        let levels = both(DecisionSuggestions.rules) + context.municipalities
        let options = both(["each", "annual", "from", "over", "path", "round"])
        switch statement {
        case "show", "export":
            guard let object = rest.first.map({ Vocabulary.objectWords[$0] ?? $0 }) else {
                let objects = (context.secondWords[head] ?? context.secondWords["show"] ?? []) + (statement == "export" ? ["report"] : [])
                return objects + Vocabulary.objectWords.filter { objects.contains($0.value) && $0.value != "notes" }.map(\.key)
            }
            guard ["impact", "households", "budget"].contains(object) else { return nil }
            if rest.last == "by" { return both(["area", "municipality", "service", "household"]) }
            return both(object == "impact" ? ["by", "in", "nominal"] : object == "budget" ? ["nominal"] : ["in", "nominal"])
        case "harmonise", "solve", "coverage", "set":
            if previous.count == 1 { return context.services + context.areas + context.municipalities }
            if previous.count == 2 {
                switch statement {
                case "harmonise": return ["to", "by", "til", "med"]
                case "solve": return both(["neutral"])
                case "coverage": return both(["in"])
                default: return nil
                }
            }
            if rest.last == "to", statement == "harmonise" { return levels }
            if rest.last == "in", statement == "coverage" { return ["asker", "royken", "hurum"] }
            if ["from", "over", "path", "round", "by", "in"].contains(rest.last ?? "") { return nil }
            return statement == "coverage" ? both(["from"]) : options
        default: return nil
        }
    }

    /// `sfo.` → `sfo.plass_5d`, …, `sfo.*`; `asker.` → `asker.sfo.`, …; `asker.sfo.` → its lines.
    private static func dotted(_ path: String, _ context: CompletionContext) -> [CompletionCandidate] {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        func lines(of service: String) -> [CompletionCandidate] {
            guard let lines = context.feeLines[service] else { return [] }
            return (lines + ["*"]).map { CompletionCandidate("\(path).\($0)") }
        }
        switch parts.count {
        case 1 where context.municipalities.contains(parts[0]):
            return context.services.map { CompletionCandidate("\(path).\($0)", suffix: ".") }
        case 1: return lines(of: parts[0])
        case 2 where context.municipalities.contains(parts[0]): return lines(of: parts[1])
        default: return []
        }
    }

    /// File names starting with `word` (a path relative to the working directory, or absolute).
    private static func files(
        _ word: String, _ context: CompletionContext, _ list: (String) -> [FolderEntry], closing: String
    ) -> [CompletionCandidate] {
        let folderPart: String
        let namePart: String
        if let slash = word.lastIndex(of: "/") {
            folderPart = String(word[...slash])
            namePart = String(word[word.index(after: slash)...])
        } else {
            folderPart = ""
            namePart = word
        }
        var folder = folderPart.isEmpty ? "." : folderPart
        if folderPart.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            folder = home + folderPart.dropFirst()
        }
        if !folder.hasPrefix("/") { folder = (context.workingDirectory as NSString).appendingPathComponent(folder) }
        let entries = list(folder).filter { $0.name.hasPrefix(namePart) && (namePart.hasPrefix(".") || !$0.name.hasPrefix(".")) }
        return finish(
            word,
            entries.map { CompletionCandidate(folderPart + $0.name + ($0.isFolder ? "/" : ""), suffix: $0.isFolder ? "" : closing) })
    }

    /// Keeps the candidates that start with `word`, sorted, without duplicates.
    private static func finish(_ word: String, _ candidates: [CompletionCandidate]) -> [CompletionCandidate] {
        var seen: Set<String> = []
        return candidates.filter { $0.text.hasPrefix(word) && seen.insert($0.text).inserted }.sorted { $0.text < $1.text }
    }

    /// The entries of a folder on disk (empty if it cannot be read).
    public static func listFolder(_ path: String) -> [FolderEntry] {
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: path)) ?? []
        return names.map { name in
            var isFolder: ObjCBool = false
            _ = manager.fileExists(atPath: (path as NSString).appendingPathComponent(name), isDirectory: &isFolder)
            return (name, isFolder.boolValue)
        }
    }

    /// The longest common prefix of the candidates' texts, by characters.
    public static func commonPrefix(_ texts: [String]) -> String {
        guard var prefix = texts.first else { return "" }
        for text in texts.dropFirst() {
            while !text.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
