using System.Text;

namespace ReturnLoop.Tests;

/// <summary>domain.md, "Refund order": a payment proof is an image or a PDF, told by its bytes.</summary>
public class PaymentProofFormatTests
{
    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
        0x52];
    private static readonly byte[] JpegHeader = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46];

    [Fact]
    public void Png_is_told_by_its_signature() => Assert.Equal("image/png", PaymentProofFormat.Detect(PngHeader));

    [Fact]
    public void Jpeg_is_told_by_its_signature() => Assert.Equal("image/jpeg", PaymentProofFormat.Detect(JpegHeader));

    [Fact]
    public void Pdf_is_told_by_its_signature() => Assert.Equal("application/pdf", PaymentProofFormat.Detect("%PDF-1.7\n%âãÏÓ\n"u8));

    [Fact]
    public void Text_file_named_like_a_png_is_not_a_png()
    {
        var namedProofPng = Encoding.UTF8.GetBytes("proof.png: transfer of 53.00 MYR on 11 March");

        Assert.Null(PaymentProofFormat.Detect(namedProofPng));
    }

    [Fact]
    public void Truncated_signature_is_not_recognised()
    {
        Assert.Null(PaymentProofFormat.Detect(PngHeader.AsSpan(0, 4)));
        Assert.Null(PaymentProofFormat.Detect(JpegHeader.AsSpan(0, 2)));
        Assert.Null(PaymentProofFormat.Detect("%PDF"u8));
        Assert.Null(PaymentProofFormat.Detect([]));
    }

    [Fact]
    public void Other_formats_are_not_accepted()
    {
        Assert.Null(PaymentProofFormat.Detect("GIF89a"u8));
        Assert.Null(PaymentProofFormat.Detect([0x50, 0x4B, 0x03, 0x04]));   // a zip (docx, xlsx)
    }

    private static byte[] Png(int size)
    {
        var bytes = new byte[size];
        PngHeader.CopyTo(bytes, 0);
        return bytes;
    }

    [Fact]
    public async Task Payment_proof_of_exactly_10_mb_is_read_whole()
    {
        var proof = Png(10 * 1024 * 1024);

        var (content, contentType) = await PaymentProofFormat.ReadAsync(new MemoryStream(proof), sizeHint: null, default);

        Assert.Equal("image/png", contentType);
        Assert.Equal(proof, content);
    }

    [Fact]
    public async Task Payment_proof_one_byte_over_10_mb_is_too_large()
    {
        var proof = Png(10 * 1024 * 1024 + 1);

        var error = await Assert.ThrowsAsync<DomainError>(() =>
            PaymentProofFormat.ReadAsync(new MemoryStream(proof), proof.Length, default));

        Assert.Equal(("proof.too_large", 413), (error.Code, error.Status));
    }

    [Fact]
    public async Task Payment_proof_stops_being_read_at_the_first_byte_over_10_mb()
    {
        var endless = new EndlessStream(PngHeader);

        var error = await Assert.ThrowsAsync<DomainError>(() => PaymentProofFormat.ReadAsync(endless, sizeHint: null, default));

        Assert.Equal("proof.too_large", error.Code);
        Assert.InRange(endless.Served, PaymentProofFormat.MaxBytes + 1L, PaymentProofFormat.MaxBytes + 64L * 1024);
    }

    [Fact]
    public async Task Payment_proof_type_is_told_from_the_first_bytes_before_the_rest_is_read()
    {
        var endless = new EndlessStream("proof.png: transfer of 53.00 MYR"u8.ToArray());

        var error = await Assert.ThrowsAsync<DomainError>(() => PaymentProofFormat.ReadAsync(endless, sizeHint: null, default));

        Assert.Equal(("proof.unsupported_type", 415), (error.Code, error.Status));
        Assert.True(endless.Served < 1024 * 1024, $"{endless.Served} bytes read before the type was told");
    }

    /// <summary>A body that never ends, served in small chunks: its head, then zeros; counts what was read.</summary>
    private sealed class EndlessStream(byte[] head) : Stream
    {
        public long Served { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(count, 16 * 1024);
            for (var i = 0; i < n; i++) buffer[offset + i] = Served + i < head.Length ? head[Served + i] : (byte)0;
            Served += n;
            return n;
        }
    }
}
