/// A minimal ZIP archive writer (PKWARE APPNOTE 6.3): stored (uncompressed) entries with CRC-32,
/// a central directory and the end record. Enough for Office Open XML files (`.xlsx`), which any
/// reader must accept with stored entries.
///
/// Every entry gets the same fixed timestamp (1980-01-01 00:00, the earliest a ZIP can hold) and
/// no extra fields, so the same entries always give the same bytes: no clock is read.
public struct ZipWriter: Sendable {
    private var bytes: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    /// An empty archive.
    public init() {}

    /// DOS time 00:00:00 and DOS date 1980-01-01 (year 0 since 1980, month 1, day 1).
    static let dosTime: UInt16 = 0
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1

    /// Adds a file stored as is. `name` is a forward-slash path inside the archive (UTF-8).
    public mutating func add(_ name: String, _ data: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let crc = CRC32.checksum(data)
        let offset = UInt32(bytes.count)
        // Local file header.
        bytes.append(le32: 0x0403_4b50)
        appendCommon(&bytes, nameBytes, crc, UInt32(data.count))
        bytes += nameBytes
        bytes += data
        // Central directory entry.
        directory.append(le32: 0x0201_4b50)
        directory.append(le16: 20)  // version made by: MS-DOS, 2.0
        appendCommon(&directory, nameBytes, crc, UInt32(data.count))
        directory.append(le16: 0)  // comment length
        directory.append(le16: 0)  // disk number start
        directory.append(le16: 0)  // internal attributes
        directory.append(le32: 0)  // external attributes
        directory.append(le32: offset)
        directory += nameBytes
        count += 1
    }

    /// Adds a text file as UTF-8.
    public mutating func add(_ name: String, text: String) { add(name, Array(text.utf8)) }

    /// The finished archive.
    public func finish() -> [UInt8] {
        var out = bytes
        let directoryOffset = UInt32(out.count)
        out += directory
        out.append(le32: 0x0605_4b50)
        out.append(le16: 0)  // this disk
        out.append(le16: 0)  // disk with the directory
        out.append(le16: UInt16(count))
        out.append(le16: UInt16(count))
        out.append(le32: UInt32(directory.count))
        out.append(le32: directoryOffset)
        out.append(le16: 0)  // comment length
        return out
    }

    /// The fields local headers and directory entries share, from "version needed" to "extra length".
    private func appendCommon(_ out: inout [UInt8], _ name: [UInt8], _ crc: UInt32, _ size: UInt32) {
        out.append(le16: 20)  // version needed: 2.0
        out.append(le16: 1 << 11)  // flags: names are UTF-8
        out.append(le16: 0)  // method: stored
        out.append(le16: Self.dosTime)
        out.append(le16: Self.dosDate)
        out.append(le32: crc)
        out.append(le32: size)  // compressed size
        out.append(le32: size)  // uncompressed size
        out.append(le16: UInt16(name.count))
        out.append(le16: 0)  // extra field length
    }
}

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as ZIP uses it.
public enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// The checksum of `data`: `checksum(Array("123456789".utf8)) == 0xCBF43926`.
    public static func checksum(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

extension [UInt8] {
    mutating func append(le16 value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    mutating func append(le32 value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
