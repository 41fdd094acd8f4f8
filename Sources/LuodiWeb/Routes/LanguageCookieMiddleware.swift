import Vapor

/// Remembers a `?lang=` choice in the `lang` cookie, so that the links of the page that follows
/// keep the language the reader picked.
struct LanguageCookieMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if let raw = request.query[String.self, at: "lang"], let lang = Language(tag: raw), request.cookies["lang"]?.string != lang.rawValue {
            response.cookies["lang"] = HTTPCookies.Value(string: lang.rawValue, maxAge: 365 * 86_400, path: "/", isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }
}
