extension Int {
    /// The smallest multiple of `m` not below `self` (for non-negative values).
    func roundedUp(toMultipleOf m: Int) -> Int { (self + m - 1) / m * m }
}
