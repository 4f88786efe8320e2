import Testing
@testable import InfluenceKit

/// The one heap: random operation sequences against a sorted reference, and the orders of its
/// keys (larger score then smaller node; nearer distance then smaller node).
@Suite struct BinaryMaxHeapTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomOperationsMatchASortedReference(seed: UInt64) {
        var rng = Xoshiro256StarStar(seed: seed)
        var heap = BinaryMaxHeap((0..<50).map { _ in Int(rng.nextBelow(40)) })
        var reference = heap.elements.sorted()
        for _ in 0..<2_000 {
            switch rng.nextBelow(3) {
            case 0:
                let x = Int(rng.nextBelow(40))
                heap.insert(x)
                reference.append(x)
                reference.sort()
            case 1:
                #expect(heap.removeTop() == reference.popLast())
            default:
                guard !reference.isEmpty else { continue }
                let x = Int(rng.nextBelow(40))
                heap.replaceTop(with: x)
                reference[reference.count - 1] = x
                reference.sort()
            }
            #expect(heap.top == reference.last)
            #expect(heap.count == reference.count)
        }
        heap.removeAll()
        #expect(heap.isEmpty && heap.removeTop() == nil)
    }

    @Test func scoredNodesPopLargerScoreThenSmallerNode() {
        var heap = BinaryMaxHeap([ScoredNode(score: 1, node: 4), ScoredNode(score: 2, node: 9), ScoredNode(score: 2, node: 3),
                                  ScoredNode(score: 1, node: 0)])
        var order: [UInt32] = []
        while let entry = heap.removeTop() { order.append(entry.node) }
        #expect(order == [3, 9, 0, 4])
    }

    @Test func distanceEntriesPopNearestThenSmallerNode() {
        var heap = BinaryMaxHeap<DistanceEntry>()
        for (d, v) in [(0.5, 7), (0.25, 2), (0.5, 1), (0.0, 5)] as [(Double, UInt32)] { heap.insert(DistanceEntry(distance: d, node: v)) }
        var order: [UInt32] = []
        while let entry = heap.removeTop() { order.append(entry.node) }
        #expect(order == [5, 2, 1, 7])
    }
}
