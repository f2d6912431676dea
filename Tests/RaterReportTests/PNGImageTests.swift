import CZlib
import Foundation
import Testing

/// The PNG reader the browser test relies on, checked without a browser on a PNG written here with each row filter.
@Suite struct PNGImageTests {
    /// A PNG of `rows` (RGB, 8-bit), each row stored with the given filter byte, the filtering done here.
    static func png(width: Int, rows: [[UInt8]], filters: [UInt8]) -> Data {
        var raw = [UInt8]()
        for (index, row) in rows.enumerated() {
            let previous = index > 0 ? rows[index - 1] : [UInt8](repeating: 0, count: row.count)
            raw.append(filters[index])
            for i in 0..<row.count {
                let a = i >= 3 ? Int(row[i - 3]) : 0, b = Int(previous[i]), c = i >= 3 ? Int(previous[i - 3]) : 0
                let predictor: Int
                switch filters[index] {
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c
                    let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: predictor = 0
                }
                raw.append(UInt8((Int(row[i]) - predictor) & 0xFF))
            }
        }
        var compressed = [UInt8](repeating: 0, count: raw.count + 64)
        var length = uLongf(compressed.count)
        _ = compress(&compressed, &length, raw, uLong(raw.count))
        func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
            let typed = Array(type.utf8) + body
            let crc = typed.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
            return bigEndian(UInt32(body.count)) + typed + bigEndian(crc)
        }
        func bigEndian(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(value >> (24 - 8 * $0) & 0xFF) } }
        let header = bigEndian(UInt32(width)) + bigEndian(UInt32(rows.count)) + [8, 2, 0, 0, 0]
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header)
            + chunk("IDAT", Array(compressed.prefix(Int(length)))) + chunk("IEND", []))
    }

    @Test func decodesEveryRowFilter() throws {
        let rows: [[UInt8]] = (0..<5).map { y in (0..<9).map { UInt8((y * 53 + $0 * 31) % 256) } }
        let image = try PNGImage(data: Self.png(width: 3, rows: rows, filters: [0, 1, 2, 3, 4]))
        #expect(image.width == 3 && image.height == 5)
        #expect(image.pixels == rows.flatMap { $0 })
        let (r, g, b) = image.pixel(x: 1, y: 2)
        #expect([r, g, b] == rows[2][3..<6].map(Int.init))
        let hex = "#" + [r, g, b].map { String(format: "%02X", $0) }.joined()
        #expect(image.count(near: hex, tolerance: 0) >= 1)
    }

    @Test func rejectsWhatIsNotAPNG() {
        #expect(throws: PNGImage.Failure.self) { try PNGImage(data: Data("<html>".utf8)) }
    }
}
