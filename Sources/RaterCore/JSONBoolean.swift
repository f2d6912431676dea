import Foundation

extension NSNumber {
    /// Whether a number that `JSONSerialization` read was JSON `true` or `false`: both arrive as NSNumber, as does
    /// the number 1 (and both cast to Bool); only a boolean's type code is "c". Read from the code's first byte, with
    /// no String made: result readers ask it for every figure of every line.
    public var isJSONBoolean: Bool { objCType.pointee == CChar(UInt8(ascii: "c")) && objCType[1] == 0 }
}
