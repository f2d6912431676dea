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

    /// Lower-case hex digest of a text's UTF-8, in one call on the text's own bytes. Comments without an export id
    /// are keyed by it, once each on the thread that feeds the databases, where a copy of the text, a context made
    /// and freed, and OpenSSL's look-up of the algorithm on every call cost more than the digest itself.
    public static func hex(of text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { digest in
                var length: UInt32 = 0
                let done = EVP_Digest(bytes.baseAddress, bytes.count, digest.baseAddress, &length,
                                      Algorithm.sha256.md, nil)
                // Only running out of memory fails here; an empty digest would give every such comment one key.
                precondition(done == 1 && length == 32, "OpenSSL could not compute a SHA-256 digest")
                return hexString(UnsafeBufferPointer(rebasing: digest.prefix(Int(length))))
            }
        }
    }

    /// `digest` in lower-case hex.
    static func hexString(_ digest: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: 2 * digest.count) { text in
            let digits: StaticString = "0123456789abcdef"
            for (index, byte) in digest.enumerated() {
                text[2 * index] = digits.utf8Start[Int(byte >> 4)]
                text[2 * index + 1] = digits.utf8Start[Int(byte & 0xF)]
            }
            return 2 * digest.count
        }
    }

    /// SHA-256 fetched from OpenSSL once: `EVP_sha256()` makes OpenSSL 3 look the algorithm up again on every use.
    fileprivate struct Algorithm: @unchecked Sendable {
        let md: OpaquePointer?
        static let sha256 = Algorithm(md: EVP_MD_fetch(nil, "SHA256", nil) ?? EVP_sha256())
    }

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
public struct Hasher256 {
    private let context: OpaquePointer

    public init() {
        context = EVP_MD_CTX_new()
        EVP_DigestInit_ex(context, SHA256Digest.Algorithm.sha256.md, nil)
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
    }

    public mutating func finish() -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        EVP_MD_CTX_free(context)
        return digest.prefix(Int(length)).withUnsafeBufferPointer(SHA256Digest.hexString)
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
