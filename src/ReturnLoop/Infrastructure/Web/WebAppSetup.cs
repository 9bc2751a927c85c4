using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using MudBlazor.Services;
using ReturnLoop.Components.UI;
using ReturnLoop.Components;
using ReturnLoop.Features.Accounts;
using ReturnLoop.Features.DistributionReturns;

namespace ReturnLoop.Infrastructure.Web;

/// <summary>The seller's web app at <c>/</c>: Blazor interactive server with MudBlazor, beside the API.</summary>
public static class WebAppSetup
{
    /// <summary>The pages' languages (English first, the default): the same list a user's stored choice is checked against.</summary>
    public static readonly string[] Cultures = [.. SetUserLanguage.Languages];

    /// <summary>
    /// False in a process run in globalization-invariant mode (a host or test project that keeps InvariantGlobalization):
    /// there only the invariant culture exists, and the pages stay in English.
    /// </summary>
    public static bool Localized { get; } = CanCreateCultures();

    public static IHostApplicationBuilder AddWebApp(this IHostApplicationBuilder builder)
    {
        // MudBlazor's files (_content/MudBlazor) come from its package: in a build output as in a published app,
        // whatever the environment (the tests run as "Testing").
        if (builder.Environment is IWebHostEnvironment web) StaticWebAssetsLoader.UseStaticWebAssets(web, builder.Configuration);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddMudServices();
        builder.Services.AddTransient<MudLocalizer, MudTexts>();
        builder.Services.AddLocalization();
        if (Localized) builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Cultures[0]).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            o.ApplyCurrentCultureToResponseHeaders = true;
        });

        builder.Services.AddSingleton<AccountChanges>();
        builder.AddAccountChangesAcrossInstances();
        builder.Services.AddSingleton<AccountChangesInterceptor>();
        builder.Services.ConfigureDbContext<AppDbContext>((services, o) =>
        {
            var interceptor = services.GetRequiredService<AccountChangesInterceptor>();
            o.AddInterceptors(interceptor, interceptor.Transactions);
        });

        builder.Services.AddScoped<InScope>();
        builder.Services.AddScoped<AccountSides>();
        builder.Services.AddScoped<DistributionReturnListQuery>();
        return builder;
    }

    public static WebApplication MapWebApp(this WebApplication app)
    {
        // The API speaks one language (its codes); only the pages follow the user's.
        if (Localized) app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"), web => web.UseRequestLocalization());
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapGet("/culture", SetCulture).ExcludeFromDescription();
        app.MapPost("/account/logout", LogOutAsync).ExcludeFromDescription();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>
    /// The language switch: remembered in this browser's culture cookie, then back to the page. A signed-in user's
    /// choice is stored on the user row by the switch itself (<see cref="SetUserLanguage"/>), before it comes here.
    /// </summary>
    private static IResult SetCulture(HttpContext http, string? name, string? returnUrl)
    {
        UseLanguage(http, Cultures.Contains(name) ? name! : Cultures[0]);
        return Results.LocalRedirect(SafeReturnUrl(returnUrl));
    }

    /// <summary>
    /// Writes the culture cookie the request localization reads: by the switch, and at login from the user's stored
    /// language, so the choice follows the user to a new browser. Null or unknown (never chosen): the cookie is left as
    /// it is, and the browser's own choice (the cookie, else Accept-Language) stands.
    /// </summary>
    public static void UseLanguage(HttpContext http, string? language)
    {
        if (!Localized || language is null || !Cultures.Contains(language)) return;
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(CultureInfo.GetCultureInfo(language))),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
    }

    private static async Task<IResult> LogOutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect("/login");
    }

    private static bool CanCreateCultures()
    {
        try
        {
            return Cultures.All(c => CultureInfo.GetCultureInfo(c).Name == c);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Only a path of this site: never an open redirect to another host.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
