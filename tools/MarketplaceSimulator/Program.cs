// A stand-in for Shopee, TikTok Shop and Lazada (see SimulatorHost): `dotnet run --project tools/MarketplaceSimulator`.
MarketplaceSimulator.SimulatorHost.Create(args).Run();
