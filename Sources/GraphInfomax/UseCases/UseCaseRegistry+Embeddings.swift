import InfluenceKit

extension UseCaseRegistry {
    /// The built-in use cases plus embed and probe: what a front end that links GraphInfomax
    /// passes to `RunDocument.decode` so that embed and probe documents run.
    public static let withEmbeddings = UseCaseRegistry.builtIn.adding(EmbedRequest.self).adding(ProbeRequest.self)
}
