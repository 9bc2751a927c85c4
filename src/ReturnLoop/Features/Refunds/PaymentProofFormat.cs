namespace ReturnLoop.Features.Refunds;

/// <summary>Tells a payment proof's type by its first bytes, not by its name or the client's content type.</summary>
public static class PaymentProofFormat
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return "image/jpeg";
        if (head.StartsWith("%PDF-"u8)) return "application/pdf";
        return null;
    }
}
