/// One named column of `Float` values a file or a caller attached to a graph: one value per input
/// arc (`scope == .arc`, indexed like `InfluenceGraph.arcValues`) or one per node (`.node`,
/// indexed by dense node id).
///
/// The graph gives a column no meaning; a model (or a variant) reads the columns it knows by name.
public struct ValueColumn: Sendable, Equatable {
    /// What a column's values are attached to.
    public enum Scope: UInt32, Sendable, Codable, CaseIterable {
        /// One value per input arc (in the order of the un-merged forward CSR).
        case arc = 0
        /// One value per node (dense id).
        case node = 1
    }

    /// The column's name (unique within its scope on one graph; any non-empty UTF-8 text).
    public let name: String
    /// Whether the values are per input arc or per node.
    public let scope: Scope
    /// The values, one per input arc or per node.
    public let values: [Float]

    /// A column named `name` holding `values`. Complexity: O(1).
    public init(name: String, scope: Scope, values: [Float]) {
        self.name = name
        self.scope = scope
        self.values = values
    }
}

/// The named value columns of a graph (see `ValueColumn`), held in one canonical order — arc
/// columns before node columns, by name within a scope — so that equal sets of columns compare
/// equal and serialise to the same bytes.
///
/// Two names are spelled here because the edge-list reader gives them: `value` (a file's third
/// column, or the column a header names as the probability; `InfluenceGraph.arcValues`) and
/// `weight` (a fourth column, or one a header names as the weight). Any other name is the
/// caller's.
public struct ValueColumns: Sendable, Equatable {
    /// The arc column holding a file's third column (IC probabilities, and LT weights unless a
    /// `weight` column is given), in [0, 1].
    public static let value = "value"
    /// The arc column holding a file's fourth column, or the column a header names as the weight
    /// (`weight`, `w`, `lt`), in [0, 1].
    public static let weight = "weight"

    /// Every column, arc columns first, each scope by name.
    public private(set) var all: [ValueColumn] = []

    /// No columns. Complexity: O(1).
    public init() {}

    /// The given columns, put in canonical order.
    ///
    /// - Throws: `InfluenceError(.usage)` (parameter `columns`) for an empty name or a name given
    ///   twice in one scope.
    /// - Complexity: O(c log c) for c columns.
    public init(_ columns: [ValueColumn]) throws(InfluenceError) {
        for column in columns { try insert(column) }
    }

    /// Whether there are no columns.
    public var isEmpty: Bool { all.isEmpty }

    /// The names of the arc columns, in order. Complexity: O(c).
    public var arcNames: [String] { all.filter { $0.scope == .arc }.map(\.name) }

    /// The names of the node columns, in order. Complexity: O(c).
    public var nodeNames: [String] { all.filter { $0.scope == .node }.map(\.name) }

    /// The values of the arc column `name` (one per input arc), or nil. Complexity: O(c).
    public func arc(_ name: String) -> [Float]? { column(name, .arc)?.values }

    /// The values of the node column `name` (one per node), or nil. Complexity: O(c).
    public func node(_ name: String) -> [Float]? { column(name, .node)?.values }

    /// The column `name` of `scope`, or nil. Complexity: O(c).
    public func column(_ name: String, _ scope: ValueColumn.Scope) -> ValueColumn? {
        all.first { $0.scope == scope && $0.name == name }
    }

    /// Adds `column` in its canonical place.
    ///
    /// - Throws: `InfluenceError(.usage)` (parameter `columns`) for an empty name or one the scope
    ///   already has.
    /// - Complexity: O(c).
    public mutating func insert(_ column: ValueColumn) throws(InfluenceError) {
        guard !column.name.isEmpty else {
            throw InfluenceError(.usage, parameter: "columns", "a value column has an empty name (expected a name)")
        }
        guard self.column(column.name, column.scope) == nil else {
            throw InfluenceError(.usage, parameter: "columns",
                                 "the \(column.scope) column '\(column.name)' is given twice (expected one column per name)")
        }
        // The first column ordered after the new one: a later scope, or the same scope and a
        // name after it (byte order, so the order never depends on the locale or Unicode tables).
        let place = all.firstIndex {
            $0.scope.rawValue > column.scope.rawValue
                || ($0.scope == column.scope && column.name.utf8.lexicographicallyPrecedes($0.name.utf8))
        } ?? all.count
        all.insert(column, at: place)
    }

    /// Checks every column's length (`inputArcCount` values per arc column, `nodeCount` per node
    /// column) and values: `value` and `weight` in [0, 1], every other column finite.
    ///
    /// - Throws: `InfluenceError(.data)` naming the column and the first bad value.
    /// - Complexity: O(total values).
    public func check(inputArcCount: Int, nodeCount: Int) throws(InfluenceError) {
        for column in all {
            let expected = column.scope == .arc ? inputArcCount : nodeCount
            let unit = column.scope == .arc ? "input arcs" : "nodes"
            guard column.values.count == expected else {
                throw InfluenceError(.data, "\(column.values.count) values in \(column.scope) column '\(column.name)' for \(expected) \(unit) (expected one each)")
            }
            let probability = column.scope == .arc && (column.name == Self.value || column.name == Self.weight)
            if probability, let bad = column.values.first(where: { !($0 >= 0 && $0 <= 1) }) {
                if column.name == Self.value { throw InfluenceError(.data, "arc value \(bad) outside [0, 1]") }
                throw InfluenceError(.data, "value \(bad) in arc column '\(column.name)' outside [0, 1]")
            }
            if let bad = column.values.first(where: { !$0.isFinite }) {
                throw InfluenceError(.data, "value \(bad) in \(column.scope) column '\(column.name)' (expected finite values)")
            }
        }
    }
}
