namespace ReturnLoop.Features.Refunds;

/// <summary>
/// A payment proof is a PNG, a JPEG or a PDF of at most 10 MB (domain.md, "Refund method"), told by its first bytes,
/// not by its name or the client's content type.
/// </summary>
public static class PaymentProofFormat
{
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>The request size limit of the upload route: one proof plus room for the multipart boundary and headers.</summary>
    public const long MaxRequestBytes = MaxBytes + 64 * 1024;

    /// <summary>The longest signature told apart (PNG's).</summary>
    public const int SignatureBytes = 8;

    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return "image/jpeg";
        if (head.StartsWith("%PDF-"u8)) return "application/pdf";
        return null;
    }

    /// <summary>
    /// Reads a proof into one buffer that never grows past <see cref="MaxBytes"/> + 1: the type is told as soon as the
    /// first bytes are in (415 <c>proof.unsupported_type</c> without reading the rest), the size is checked while
    /// reading (413 <c>proof.too_large</c> at the first byte too many).
    /// </summary>
    /// <param name="sizeHint">The expected size, when known (the request's length), so the buffer need not grow.</param>
    public static async Task<(byte[] Content, string ContentType)> ReadAsync(Stream content, long? sizeHint, CancellationToken ct)
    {
        var buffer = new byte[(int)Math.Clamp(sizeHint ?? 0, 64 * 1024, MaxBytes + 1L)];
        var length = 0;
        string? contentType = null;
        while (true)
        {
            if (length == buffer.Length) Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, MaxBytes + 1L));
            var read = await content.ReadAsync(buffer.AsMemory(length), ct);
            if (read == 0) break;
            length += read;
            if (length > MaxBytes) throw TooLarge();
            if (contentType is null && length >= SignatureBytes) contentType = Detect(buffer.AsSpan(0, length)) ?? throw UnsupportedType();
        }
        contentType ??= Detect(buffer.AsSpan(0, length)) ?? throw UnsupportedType();
        if (length != buffer.Length) Array.Resize(ref buffer, length);
        return (buffer, contentType);
    }

    public static DomainError TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, "proof.too_large", $"A payment proof is at most {MaxBytes / 1024 / 1024} MB.");

    public static DomainError UnsupportedType() =>
        new(StatusCodes.Status415UnsupportedMediaType, "proof.unsupported_type", "A payment proof is a PNG, a JPEG or a PDF file.");
}
