import CZlib
import Foundation

/// A minimal PNG reader for the browser test: 8-bit RGB or RGBA, not interlaced — what Chromium's screenshots are.
/// zlib inflates the IDAT data; the five PNG row filters are undone here.
struct PNGImage {
    enum Failure: Error, CustomStringConvertible {
        case notPNG, unsupported(String), corrupt(String)
        var description: String {
            switch self {
            case .notPNG: return "not a PNG file"
            case let .unsupported(what): return "unsupported PNG: \(what)"
            case let .corrupt(what): return "corrupt PNG: \(what)"
            }
        }
    }

    let width: Int
    let height: Int
    /// RGB triples, row by row.
    let pixels: [UInt8]

    init(data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.count > 8, bytes.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { throw Failure.notPNG }
        func u32(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        var offset = 8
        var width = 0, height = 0, channels = 0
        var compressed = [UInt8]()
        while offset + 8 <= bytes.count {
            let length = u32(offset)
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            let body = offset + 8
            guard body + length <= bytes.count else { throw Failure.corrupt("chunk \(type) runs past the end") }
            switch type {
            case "IHDR":
                width = u32(body)
                height = u32(body + 4)
                let depth = bytes[body + 8], colour = bytes[body + 9], interlace = bytes[body + 12]
                guard depth == 8, interlace == 0 else { throw Failure.unsupported("depth \(depth), interlace \(interlace)") }
                switch colour {
                case 2: channels = 3
                case 6: channels = 4
                default: throw Failure.unsupported("colour type \(colour)")
                }
            case "IDAT": compressed.append(contentsOf: bytes[body..<body + length])
            default: break
            }
            offset = body + length + 4
        }
        guard width > 0, height > 0 else { throw Failure.corrupt("no IHDR") }
        let stride = width * channels
        var raw = [UInt8](repeating: 0, count: height * (stride + 1))
        var rawLength = uLongf(raw.count)
        let status = raw.withUnsafeMutableBufferPointer { out in
            compressed.withUnsafeBufferPointer { input in
                uncompress(out.baseAddress, &rawLength, input.baseAddress, uLong(input.count))
            }
        }
        guard status == Z_OK, Int(rawLength) == raw.count else { throw Failure.corrupt("zlib status \(status)") }
        var image = [UInt8](repeating: 0, count: height * stride)
        for row in 0..<height {
            let filter = raw[row * (stride + 1)]
            let source = row * (stride + 1) + 1
            let target = row * stride
            for i in 0..<stride {
                let x = Int(raw[source + i])
                let a = i >= channels ? Int(image[target + i - channels]) : 0
                let b = row > 0 ? Int(image[target - stride + i]) : 0
                let c = row > 0 && i >= channels ? Int(image[target - stride + i - channels]) : 0
                let value: Int
                switch filter {
                case 0: value = x
                case 1: value = x + a
                case 2: value = x + b
                case 3: value = x + (a + b) / 2
                case 4:
                    let p = a + b - c
                    let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    value = x + (pa <= pb && pa <= pc ? a : (pb <= pc ? b : c))
                default: throw Failure.corrupt("filter \(filter) on row \(row)")
                }
                image[target + i] = UInt8(value & 0xFF)
            }
        }
        self.width = width
        self.height = height
        if channels == 3 {
            pixels = image
        } else {
            var rgb = [UInt8]()
            rgb.reserveCapacity(width * height * 3)
            for index in Swift.stride(from: 0, to: image.count, by: 4) { rgb.append(contentsOf: image[index..<index + 3]) }
            pixels = rgb
        }
    }

    func pixel(x: Int, y: Int) -> (r: Int, g: Int, b: Int) {
        let index = (y * width + x) * 3
        return (Int(pixels[index]), Int(pixels[index + 1]), Int(pixels[index + 2]))
    }

    /// Pixels within `tolerance` (per channel) of a colour given as `#RRGGBB`.
    func count(near hex: String, tolerance: Int = 24, in rows: Range<Int>? = nil) -> Int {
        let value = Int(hex.dropFirst(), radix: 16)!
        let (r, g, b) = (value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF)
        var count = 0
        for y in rows ?? 0..<height {
            for x in 0..<width {
                let p = pixel(x: x, y: y)
                if abs(p.r - r) <= tolerance && abs(p.g - g) <= tolerance && abs(p.b - b) <= tolerance { count += 1 }
            }
        }
        return count
    }
}
