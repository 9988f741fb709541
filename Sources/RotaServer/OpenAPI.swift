import Foundation

extension Portal {
    /// The OpenAPI description served at `/openapi.yaml` (a resource of this target).
    public static let openAPI: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "openapi: 3.0.3\n" }
        return text
    }()
}
