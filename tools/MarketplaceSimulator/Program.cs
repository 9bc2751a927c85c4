namespace MarketplaceSimulator;

// Not top-level statements: the tests reference both this and ReturnLoop, and only one global Program can exist there.
public static class Program
{
    /// <summary>`dotnet run --project tools/MarketplaceSimulator` (see SimulatorHost).</summary>
    public static void Main(string[] args) => SimulatorHost.Create(args).Run();
}
