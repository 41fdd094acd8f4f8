import Vapor

/// Turns errors on pages (not the JSON API) into a page in the reader's language that says
/// what was wrong (the parameter and why), instead of Vapor's raw JSON.
struct PageErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            guard !request.url.path.hasPrefix("/api/") else { throw error }
            let lang = request.language, s = lang.strings
            let status: HTTPResponseStatus
            let message: String
            if let abort = error as? any AbortError {
                status = abort.status
                message = abort.status == .payloadTooLarge ? s.tooLarge : abort.reason
            } else {
                request.logger.report(error: error)
                status = .internalServerError
                message = s.serverError
            }
            return MessagePage.view(title: s.errorTitle(status.code), message: message, lang: lang, path: request.url.path)
                .response(status: status)
        }
    }
}
