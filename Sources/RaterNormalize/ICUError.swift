/// An ICU call failed. ICU's own error code is kept so the message can be looked up.
public struct ICUError: Error, Sendable, CustomStringConvertible {
    public var operation: String
    public var code: Int32

    public init(operation: String, code: Int32) {
        self.operation = operation
        self.code = code
    }

    public var description: String { "ICU failed in \(operation) (UErrorCode \(code))" }
}
