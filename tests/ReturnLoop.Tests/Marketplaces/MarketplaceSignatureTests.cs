using System.Text;
using ReturnLoop.Marketplaces.Lazada;
using ReturnLoop.Marketplaces.Shopee;
using ReturnLoop.Marketplaces.TikTok;

namespace ReturnLoop.Tests.Marketplaces;

/// <summary>
/// Each platform's request signing and push verification (marketplaces.md §1.7, §2.7, §3.7). The expected signatures were
/// computed apart from this code (Python's hmac over the same bytes), so a wrong message order or encoding fails here.
/// </summary>
public sealed class MarketplaceSignatureTests
{
    private const string ShopeeCallback = "https://returnloop.example/webhooks/shopee";

    [Fact]
    public void Shopee_request_sign_is_partner_path_timestamp_token_shop() =>
        Assert.Equal("1e650e1b027a3a8da9a5c44c248d5ae54ffdbc9117559da4c4d7859a89522f3f",
            ShopeeSigning.SignRequest("partner-key-123", 2001234, "/api/v2/returns/get_return_list", 1732796767, "tok-abc", 220004993));

    [Fact]
    public void Shopee_push_is_signed_over_url_bar_raw_body()
    {
        var body = Payload.Bytes("shopee-push-return.json");
        const string good = "0d466bad316d903e27f026343ae877998098d026831fbeaf494c938cf99392ba";

        Assert.True(ShopeeSigning.VerifyPush("partner-key-123", ShopeeCallback, body, good));
        Assert.True(ShopeeSigning.VerifyPush("partner-key-123", ShopeeCallback, body, good.ToUpperInvariant()));
        Assert.False(ShopeeSigning.VerifyPush("partner-key-123", ShopeeCallback, Tampered(body), good));
        Assert.False(ShopeeSigning.VerifyPush("another-key", ShopeeCallback, body, good));
        Assert.False(ShopeeSigning.VerifyPush("partner-key-123", ShopeeCallback + "?x=1", body, good)); // the URL is signed too
        Assert.False(ShopeeSigning.VerifyPush("partner-key-123", ShopeeCallback, body, null));
        Assert.False(ShopeeSigning.VerifyPush("partner-key-123", ShopeeCallback, body, ""));
    }

    [Fact]
    public void TikTok_request_sign_wraps_path_sorted_params_and_body_in_the_secret()
    {
        var query = new Dictionary<string, string?>
        {
            ["app_key"] = "ttkey", ["timestamp"] = "1732796767", ["shop_cipher"] = "ROW_abc", ["page_size"] = "50",
            ["sign"] = "ignored", ["access_token"] = "ignored", ["page_token"] = "", // empty parameters are not signed
        };

        Assert.Equal("38885557994696b51364fc2a5f430796d030d0c673abb0bf3b89a24bc24ae6d9",
            TikTokSigning.SignRequest("ttsecret", "/return_refund/202309/returns/search", query, """{"update_time_ge":1732000000}"""));
    }

    [Fact]
    public void TikTok_push_is_signed_over_app_key_and_raw_body()
    {
        var body = Payload.Bytes("tiktok-push-return.json");
        const string good = "59dd38bbbb159c3715f34b9fd647ba27430d636bf6e060e282dbd0c79e3f385e";

        Assert.True(TikTokSigning.VerifyPush("ttkey", "ttsecret", body, good));
        Assert.False(TikTokSigning.VerifyPush("ttkey", "ttsecret", Tampered(body), good));
        Assert.False(TikTokSigning.VerifyPush("ttkey", "wrong-secret", body, good));
        Assert.False(TikTokSigning.VerifyPush("ttkey", "ttsecret", body, null));
    }

    [Fact]
    public void Lazada_request_sign_is_upper_hex_over_path_and_sorted_params()
    {
        var parameters = new Dictionary<string, string>
        {
            ["app_key"] = "lzkey", ["timestamp"] = "1732796767000", ["access_token"] = "tok", ["sign_method"] = "sha256",
            ["page_no"] = "1", ["page_size"] = "10", ["sign"] = "ignored",
        };

        Assert.Equal("CA5803A1BFECDBDB79E89128502E47B9345CB828FEDADC8E7BB4C3F17D995DA0",
            LazadaSigning.SignRequest("lzsecret", "/reverse/getreverseordersforseller", parameters));
    }

    [Fact]
    public void Lazada_push_is_signed_over_app_key_and_raw_body()
    {
        var body = Payload.Bytes("lazada-push-reverse.json");
        const string good = "e58ea0dd455260f1855188012e18e115b5107b1877c423a527c8e290e51df436";

        Assert.True(LazadaSigning.VerifyPush("lzkey", "lzsecret", body, good));
        Assert.False(LazadaSigning.VerifyPush("lzkey", "lzsecret", Tampered(body), good));
        Assert.False(LazadaSigning.VerifyPush("other-app", "lzsecret", body, good));
        Assert.False(LazadaSigning.VerifyPush("lzkey", "lzsecret", body, "  "));
    }

    // One byte changed: a space added after the opening brace keeps the JSON the same but not the signature.
    private static byte[] Tampered(byte[] body) => [.. body[..1], .. Encoding.ASCII.GetBytes(" "), .. body[1..]];
}
