#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The floating-point types the kernels run on: `Float` for training, `Double` for the
/// finite-difference gradient checks. Every kernel is generic over it and specialised for both.
public protocol TrainingScalar: BinaryFloatingPoint, SIMDScalar, Sendable, Codable {
    static func exponential(_ x: Self) -> Self
    static func logarithm(_ x: Self) -> Self
    static func logarithmOnePlus(_ x: Self) -> Self
    static func squareRoot(_ x: Self) -> Self
}

extension Float: TrainingScalar {
    @inlinable public static func exponential(_ x: Float) -> Float { expf(x) }
    @inlinable public static func logarithm(_ x: Float) -> Float { logf(x) }
    @inlinable public static func logarithmOnePlus(_ x: Float) -> Float { log1pf(x) }
    @inlinable public static func squareRoot(_ x: Float) -> Float { sqrtf(x) }
}

extension Double: TrainingScalar {
    @inlinable public static func exponential(_ x: Double) -> Double { exp(x) }
    @inlinable public static func logarithm(_ x: Double) -> Double { log(x) }
    @inlinable public static func logarithmOnePlus(_ x: Double) -> Double { log1p(x) }
    @inlinable public static func squareRoot(_ x: Double) -> Double { sqrt(x) }
}
