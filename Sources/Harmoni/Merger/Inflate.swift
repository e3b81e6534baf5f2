/// A DEFLATE decoder (RFC 1951: stored, fixed-Huffman and dynamic-Huffman blocks), for the
/// deflated entries of `.xlsx` files that Excel, LibreOffice and openpyxl write. Foundation on
/// Linux has no public inflate, and Harmoni takes no packages, so this is the small canonical
/// decoder (after Mark Adler's `puff.c`): bit by bit, fine for spreadsheets of a few megabytes.
enum Inflate {
    /// Why a stream could not be decoded.
    struct Failure: Error, Equatable {
        var reason: String
    }

    /// The decoded bytes of a raw DEFLATE stream (no zlib or gzip header). Fails on a damaged
    /// stream, and when the output would exceed `limit` bytes (a bomb, or a lying size).
    static func inflate(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        var bits = BitReader(data: input)
        var out: [UInt8] = []
        out.reserveCapacity(min(limit, input.count * 4))
        var last = false
        while !last {
            last = try bits.take(1) == 1
            switch try bits.take(2) {
            case 0: try stored(&bits, &out, limit)
            case 1: try codes(&bits, &out, Tables.fixedLengths, Tables.fixedDistances, limit)
            case 2:
                let (lengths, distances) = try dynamicTables(&bits)
                try codes(&bits, &out, lengths, distances, limit)
            default: throw Failure(reason: "ugyldig blokktype 3")
            }
        }
        return out
    }

    /// Reads bits least-significant first, as DEFLATE packs them.
    struct BitReader {
        let data: [UInt8]
        var position = 0
        var buffer: UInt32 = 0
        var count = 0

        mutating func take(_ n: Int) throws(Failure) -> Int {
            while count < n {
                guard position < data.count else { throw Failure(reason: "strømmen slutter for tidlig") }
                buffer |= UInt32(data[position]) << UInt32(count)
                position += 1
                count += 8
            }
            let value = Int(buffer & ((UInt32(1) << UInt32(n)) - 1))
            buffer >>= UInt32(n)
            count -= n
            return value
        }

        /// Drops the bits left in the current byte (before a stored block).
        mutating func align() {
            buffer = 0
            count = 0
        }
    }

    /// A canonical Huffman code: how many codes of each length, and the symbols in code order.
    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int]

        init(lengths: [Int]) throws(Failure) {
            symbols = [Int](repeating: 0, count: lengths.count)
            for length in lengths { counts[length] += 1 }
            var left = 1
            for length in 1...15 {
                left = (left << 1) - counts[length]
                if left < 0 { throw Failure(reason: "overfylt Huffman-kode") }
            }
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }

        func decode(_ bits: inout BitReader) throws(Failure) -> Int {
            var code = 0
            var first = 0
            var index = 0
            for length in 1...15 {
                code |= try bits.take(1)
                let count = counts[length]
                if code - count < first { return symbols[index + (code - first)] }
                index += count
                first = (first + count) << 1
                code <<= 1
            }
            throw Failure(reason: "ukjent Huffman-kode")
        }
    }

    enum Tables {
        static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
        static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        static let distanceBase = [
            1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193,
            12289, 16385, 24577,
        ]
        static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
        static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        // Both fixed codes are complete, so building them cannot fail.
        static let fixedLengths: Huffman = {
            let lengths = [Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112) + [Int](repeating: 7, count: 24)
                + [Int](repeating: 8, count: 8)
            return try! Huffman(lengths: lengths)
        }()
        static let fixedDistances: Huffman = try! Huffman(lengths: [Int](repeating: 5, count: 30))
    }

    private static func stored(_ bits: inout BitReader, _ out: inout [UInt8], _ limit: Int) throws(Failure) {
        bits.align()
        let p = bits.position
        guard p + 4 <= bits.data.count else { throw Failure(reason: "lagret blokk uten lengde") }
        let length = Int(bits.data[p]) | Int(bits.data[p + 1]) << 8
        let complement = Int(bits.data[p + 2]) | Int(bits.data[p + 3]) << 8
        guard length == complement ^ 0xFFFF else { throw Failure(reason: "lagret blokk med feil lengde") }
        guard p + 4 + length <= bits.data.count else { throw Failure(reason: "lagret blokk slutter for tidlig") }
        guard out.count + length <= limit else { throw Failure(reason: "innholdet er større enn oppgitt") }
        out += bits.data[(p + 4)..<(p + 4 + length)]
        bits.position = p + 4 + length
    }

    private static func codes(
        _ bits: inout BitReader, _ out: inout [UInt8], _ lengths: Huffman, _ distances: Huffman, _ limit: Int
    ) throws(Failure) {
        while true {
            let symbol = try lengths.decode(&bits)
            if symbol < 256 {
                guard out.count < limit else { throw Failure(reason: "innholdet er større enn oppgitt") }
                out.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let index = symbol - 257
            guard index < Tables.lengthBase.count else { throw Failure(reason: "ugyldig lengdekode") }
            let length = Tables.lengthBase[index] + (try bits.take(Tables.lengthExtra[index]))
            let d = try distances.decode(&bits)
            guard d < Tables.distanceBase.count else { throw Failure(reason: "ugyldig avstandskode") }
            let distance = Tables.distanceBase[d] + (try bits.take(Tables.distanceExtra[d]))
            guard distance <= out.count else { throw Failure(reason: "avstand før starten") }
            guard out.count + length <= limit else { throw Failure(reason: "innholdet er større enn oppgitt") }
            let start = out.count - distance
            for k in 0..<length { out.append(out[start + k]) }
        }
    }

    private static func dynamicTables(_ bits: inout BitReader) throws(Failure) -> (Huffman, Huffman) {
        let literalCount = try bits.take(5) + 257
        let distanceCount = try bits.take(5) + 1
        let codeCount = try bits.take(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw Failure(reason: "for mange koder") }
        var codeLengths = [Int](repeating: 0, count: 19)
        for i in 0..<codeCount { codeLengths[Tables.codeLengthOrder[i]] = try bits.take(3) }
        let codeLengthCode = try Huffman(lengths: codeLengths)
        var lengths: [Int] = []
        let total = literalCount + distanceCount
        while lengths.count < total {
            let symbol = try codeLengthCode.decode(&bits)
            switch symbol {
            case 0..<16: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw Failure(reason: "gjentakelse uten forrige lengde") }
                lengths += [Int](repeating: previous, count: 3 + (try bits.take(2)))
            case 17: lengths += [Int](repeating: 0, count: 3 + (try bits.take(3)))
            default: lengths += [Int](repeating: 0, count: 11 + (try bits.take(7)))
            }
        }
        guard lengths.count == total else { throw Failure(reason: "for mange kodelengder") }
        guard lengths[256] != 0 else { throw Failure(reason: "mangler sluttkode") }
        return (try Huffman(lengths: Array(lengths[0..<literalCount])), try Huffman(lengths: Array(lengths[literalCount...])))
    }
}
