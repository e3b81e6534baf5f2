import HarmoniExport

/// Reads the entries of a ZIP archive (an `.xlsx` file) from its central directory: stored and
/// deflated entries, each checked against its CRC-32. ZIP64, encryption and other methods are
/// refused with a reason; nothing is guessed.
struct ZipReader {
    /// Why an archive could not be read.
    struct Failure: Error, Equatable {
        var nb: String
        var en: String
    }

    struct Entry {
        var name: String
        var method: Int
        var flags: Int
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var headerOffset: Int
    }

    let bytes: [UInt8]
    /// The entries by name, in directory order.
    private(set) var entries: [String: Entry] = [:]

    /// Largest uncompressed entry accepted (a spreadsheet of a few thousand rows is far smaller).
    static let entryLimit = 64 << 20

    init(_ bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        guard let end = Self.endRecord(bytes) else {
            throw Failure(nb: "er ikke en xlsx-fil (fant ingen ZIP-katalog)", en: "is not an xlsx file (no ZIP directory found)")
        }
        let count = u16(end + 10)
        let directorySize = Int(u32(end + 12))
        var p = Int(u32(end + 16))
        guard count != 0xFFFF, directorySize != 0xFFFF_FFFF, p + directorySize <= bytes.count else {
            throw Failure(nb: "ZIP64-filer støttes ikke", en: "ZIP64 files are not supported")
        }
        for _ in 0..<count {
            guard p + 46 <= bytes.count, u32(p) == 0x0201_4b50 else {
                throw Failure(nb: "ZIP-katalogen er skadet", en: "the ZIP directory is damaged")
            }
            let nameLength = u16(p + 28)
            let extraLength = u16(p + 30)
            let commentLength = u16(p + 32)
            guard p + 46 + nameLength <= bytes.count else { throw Failure(nb: "ZIP-katalogen er skadet", en: "the ZIP directory is damaged") }
            let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            entries[name] = Entry(
                name: name, method: u16(p + 10), flags: u16(p + 8), crc: u32(p + 16), compressedSize: Int(u32(p + 20)),
                size: Int(u32(p + 24)), headerOffset: Int(u32(p + 42)))
            p += 46 + nameLength + extraLength + commentLength
        }
    }

    /// The bytes of entry `name`, or `nil` when the archive has no such entry.
    func data(_ name: String) throws(Failure) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        let damaged = Failure(nb: "«\(name)» i filen er skadet", en: "«\(name)» in the file is damaged")
        guard entry.flags & 1 == 0 else { throw Failure(nb: "filen er kryptert", en: "the file is encrypted") }
        guard entry.size <= Self.entryLimit, entry.compressedSize != 0xFFFF_FFFF else {
            throw Failure(nb: "«\(name)» er for stor", en: "«\(name)» is too large")
        }
        let h = entry.headerOffset
        guard h + 30 <= bytes.count, u32(h) == 0x0403_4b50 else { throw damaged }
        let start = h + 30 + u16(h + 26) + u16(h + 28)
        guard start + entry.compressedSize <= bytes.count else { throw damaged }
        let raw = Array(bytes[start..<(start + entry.compressedSize)])
        let content: [UInt8]
        switch entry.method {
        case 0: content = raw
        case 8:
            do throws(Inflate.Failure) {
                content = try Inflate.inflate(raw, limit: entry.size)
            } catch {
                throw Failure(nb: "«\(name)» kan ikke pakkes ut: \(error.reason)", en: "«\(name)» cannot be decompressed: \(error.reason)")
            }
        default:
            throw Failure(
                nb: "«\(name)» er pakket med en metode som ikke støttes (\(entry.method)); lagre filen på nytt i Excel eller LibreOffice",
                en: "«\(name)» uses an unsupported compression method (\(entry.method)); save the file again in Excel or LibreOffice")
        }
        guard content.count == entry.size, CRC32.checksum(content) == entry.crc else { throw damaged }
        return content
    }

    /// The offset of the end-of-central-directory record (searched backwards over a comment).
    private static func endRecord(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var p = bytes.count - 22
        while p >= lowest {
            if bytes[p] == 0x50, bytes[p + 1] == 0x4b, bytes[p + 2] == 0x05, bytes[p + 3] == 0x06 { return p }
            p -= 1
        }
        return nil
    }

    private func u16(_ p: Int) -> Int { Int(bytes[p]) | Int(bytes[p + 1]) << 8 }
    private func u32(_ p: Int) -> UInt32 {
        UInt32(bytes[p]) | UInt32(bytes[p + 1]) << 8 | UInt32(bytes[p + 2]) << 16 | UInt32(bytes[p + 3]) << 24
    }
}
