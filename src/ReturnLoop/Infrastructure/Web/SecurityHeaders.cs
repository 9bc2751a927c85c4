namespace ReturnLoop.Infrastructure.Web;

/// <summary>
/// Headers every answer carries (api.md): no MIME sniffing, no framing, no referrer leaking ids; and for the web app's pages a
/// Content Security Policy that allows only the app's own scripts and its SignalR connection. MudBlazor sets inline styles,
/// so styles allow 'unsafe-inline'; scripts do not. The API reference (/scalar) brings its own inline script and is left out.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
                && !http.Request.Path.StartsWithSegments("/scalar"))
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return Task.CompletedTask;
        });
        return next(http);
    });
}
