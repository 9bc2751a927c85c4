using System.Text;

namespace ReturnLoop.Tests;

/// <summary>domain.md, "Refund order": a payment proof is an image or a PDF, told by its bytes.</summary>
public class PaymentProofFormatTests
{
    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
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

    [Fact]
    public void Payment_proof_is_at_most_10_mb() => Assert.Equal(10 * 1024 * 1024, PaymentProofFormat.MaxBytes);
}
