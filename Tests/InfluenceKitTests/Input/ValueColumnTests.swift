import Testing
@_spi(Kernels) @testable import InfluenceKit

/// IC probabilities and LT weights in two columns, by position or by a header's names.
@Suite struct ValueColumnTests {
    func failure(_ path: String, _ options: GraphLoadOptions = GraphLoadOptions()) -> InfluenceError? {
        do { _ = try GraphLoader.load(path, options: options); return nil } catch { return error }
    }

    @Test func fourColumnsGiveICProbabilitiesAndLTWeights() throws {
        let g = try graphFrom("0 1 0.1 0.6\n2 1 0.3 0.4\n", values: true)
        #expect(g.arcValues == [0.1, 0.3])
        #expect(g.columns.arc(ValueColumns.weight) == [0.6, 0.4])
        #expect(try IndependentCascade(graph: g, probabilities: .file).probabilities == [0.1, 0.3])
        #expect(try LinearThreshold(graph: g, weights: .file(rescale: false)).weights == [0.6, 0.4])
    }

    @Test func threeColumnsServeBothModelsAsBefore() throws {
        let g = try graphFrom("0 1 0.1\n2 1 0.3\n", values: true)
        #expect(g.columns.arc(ValueColumns.weight) == nil)
        #expect(try LinearThreshold(graph: g, weights: .file(rescale: false)).weights == [0.1, 0.3])
    }

    @Test func undirectedAndDedupedWeightsFollowTheirArcs() throws {
        let g = try graphFrom("0 1 0.1 0.2\n0 1 0.3 0.4\n", values: true, dedupe: true)
        #expect(g.columns.arc(ValueColumns.weight) == [0.2, 0.4])
        let lt = try LinearThreshold(graph: g, weights: .file(rescale: false))
        #expect(abs(lt.weights[0] - 0.6) < 1e-6)
        let u = try graphFrom("0 1 0.1 0.2\n", undirected: true, values: true)
        #expect(u.columns.arc(ValueColumns.weight) == [0.2, 0.2])
    }

    @Test(arguments: ["source target probability weight", "# u v p w", "FROM TO ic lt", "src dst prob w"])
    func headerNamesTheColumns(_ header: String) throws {
        let g = try graphFrom("\(header)\n0 1 0.1 0.6\n2 1 0.3 0.4\n", values: true)
        #expect(g.labels == .identity(count: 3), "the header is not two nodes")
        #expect(g.arcValues == [0.1, 0.3])
        #expect(g.columns.arc(ValueColumns.weight) == [0.6, 0.4])
    }

    @Test func headerColumnsMayComeInAnyOrderAfterTheEndpoints() throws {
        let g = try graphFrom("from to weight time probability\n0 1 0.6 1999 0.1\n", values: true)
        #expect(g.arcValues == [0.1])
        #expect(g.columns.arc(ValueColumns.weight) == [0.6])
        let single = try graphFrom("source target weight\n0 1 0.6\n", values: true)
        #expect(single.arcValues == [0.6])
        #expect(single.columns.arc(ValueColumns.weight) == nil)
        // Without values the header is still not data.
        #expect(try graphFrom("source target\n0 1\n").nodeCount == 2)
    }

    @Test func linesMustMatchTheHeader() throws {
        let path = writeTemporary("short.txt", "source target p\n0 1 0.5\n1 2\n")
        defer { removeTemporary(path) }
        #expect(failure(path) == InfluenceError(.data, file: path, line: 3,
            "line has 2 fields (expected 3, as the header 'source target p' says)"))
    }

    @Test func anUnknownHeaderRowIsRefusedInsteadOfBecomingTwoNodes() throws {
        let path = writeTemporary("header.txt", "alpha beta\n0 1\n1 2\n")
        defer { removeTemporary(path) }
        let e = try #require(failure(path))
        #expect(e.line == 1)
        #expect(e.message.hasPrefix("this line looks like a header row ('alpha beta') but names no known columns"))
        // String-labelled graphs are not headers.
        #expect(try graphFrom("alpha beta\nbeta gamma\n").nodeCount == 3)
    }

    @Test func readingValuesNeedsAValueColumnInTheHeader() throws {
        let path = writeTemporary("novalue.txt", "source target\n0 1\n")
        defer { removeTemporary(path) }
        #expect(failure(path, GraphLoadOptions(readArcValues: true))?.parameter == "probabilities")
    }

    @Test func mixedColumnCountsAreRefusedWhenValuesAreRead() throws {
        let path = writeTemporary("mixed.txt", "0 1 0.1 0.2\n1 2 0.3\n")
        defer { removeTemporary(path) }
        #expect(failure(path, GraphLoadOptions(readArcValues: true)) == InfluenceError(.data, file: path, line: 2, parameter: "probabilities",
            "line has 3 fields but line 1 has 4 (expected the same columns on every line when arc values are read)"))
        let weight = writeTemporary("badweight.txt", "0 1 0.1 1.5\n")
        defer { removeTemporary(weight) }
        #expect(failure(weight, GraphLoadOptions(readArcValues: true)) == InfluenceError(.data, file: weight, line: 1,
            "weight 1.5 is outside [0, 1] (expected a number in [0, 1])"))
    }
}
