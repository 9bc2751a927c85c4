using ReturnLoop.Data;
using ReturnLoop.IntegrationTests.Infrastructure;
namespace ReturnLoop.IntegrationTests;
public sealed class ScratchTrustDump
{
    [Fact]
    public async Task Dump()
    {
        var app = AppFactory.For(DatabaseProvider.Sqlite);
        var r = await app.Client().Get("/openapi/v1.json");
        File.WriteAllText("/tmp/trust/openapi.json", System.Text.Encoding.UTF8.GetString(r.Body));
        var s = await app.Client().Get("/scalar");
        File.WriteAllText("/tmp/trust/scalar.txt", $"{(int)s.Status} {s.MediaType} {string.Join(";", s.Headers.Select(h => h.Key + "=" + h.Value))}");
    }
}
