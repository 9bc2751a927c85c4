using ReturnLoop.Data;
using ReturnLoop.Features.Accounts;
using ReturnLoop.Features.Partnerships;
using ReturnLoop.Infrastructure;
using ReturnLoop.Infrastructure.Auth;
using ReturnLoop.Infrastructure.Idempotency;

var builder = WebApplication.CreateBuilder(args);

builder.AddDatabase();
builder.AddAuth();
builder.AddApi();
builder.Services.AddUseCases();

var app = builder.Build();

await app.Services.MigrateDatabaseAsync();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<IdempotencyMiddleware>();

app.MapApiDocs();
app.MapHealthChecks("/health");
app.MapAccounts();
app.MapPartnerships();

app.Run();

public partial class Program;
