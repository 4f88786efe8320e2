/// The self-supervised objectives that learn node embeddings.
public enum EmbeddingMethod: String, Sendable, Codable, CaseIterable {
    /// Deep Graph Infomax: node–graph mutual information (`DeepGraphInfomax`).
    case dgi
    /// GRACE: node–node InfoNCE between two augmented views (`GRACE`).
    case grace
}
