import CLibCrypto
import Foundation

/// SHA-256 through OpenSSL's libcrypto (the EVP interface), for input, lexicon and comment-text digests.
public struct SHA256Digest: Sendable {
    /// Lower-case hex digest of `bytes`.
    public static func hex<Bytes: Sequence>(of bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = Hasher256()
        hasher.update(Array(bytes))
        return hasher.finish()
    }

    public static func hex(of text: String) -> String { hex(of: Array(text.utf8)) }

    /// Size and digest of a file, read in 1 MiB chunks.
    public static func file(_ path: String) throws -> (bytes: Int, sha256: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ManifestError.unreadable(path: path) }
        defer { try? handle.close() }
        var hasher = Hasher256()
        var total = 0
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw ManifestError.unreadable(path: path)
            }
            if chunk.isEmpty { break }
            total += chunk.count
            hasher.update([UInt8](chunk))
        }
        return (total, hasher.finish())
    }
}

/// One running digest. Not copyable in spirit: it owns an `EVP_MD_CTX`, freed by `finish()`.
struct Hasher256 {
    private let context: OpaquePointer

    init() {
        context = EVP_MD_CTX_new()
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
    }

    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
    }

    mutating func finish() -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        EVP_MD_CTX_free(context)
        let hex = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in digest.prefix(Int(length)) {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

public enum ManifestError: Error, Sendable, CustomStringConvertible {
    case unreadable(path: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path): return "\(path): cannot be read to compute its SHA-256"
        case let .cannotWrite(path, reason): return "\(path): cannot write the manifest (\(reason))"
        }
    }
}
