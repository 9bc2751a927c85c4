namespace ReturnLoop.Resources;

/// <summary>
/// Every word of the web app: Strings.resx (English) and Strings.id.resx (Bahasa Indonesia), one key per text,
/// the seller's own words (shared/seed) where there are some.
/// </summary>
public sealed class Strings;
