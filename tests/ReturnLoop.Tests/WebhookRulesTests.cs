using System.Net;
using ReturnLoop.Features.Webhooks;

namespace ReturnLoop.Tests;

/// <summary>api.md "Outbound webhooks": the signature, the refused addresses and the retry schedule.</summary>
public sealed class WebhookRulesTests
{
    [Fact]
    public void The_signature_matches_the_Standard_Webhooks_reference_example() =>
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            WebhookSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}"));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.8")]
    [InlineData("172.20.1.1")]
    [InlineData("192.168.0.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void Private_loopback_and_link_local_addresses_are_refused(string address) =>
        Assert.True(WebhookUrls.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700::1111")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.False(WebhookUrls.IsPrivate(IPAddress.Parse(address)));

    [Fact]
    public void The_default_schedule_is_5s_30s_2m_10m_1h_6h_then_every_12h_for_3_days()
    {
        var schedule = new WebhookOptions().Schedule();
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10),
            TimeSpan.FromHours(1), TimeSpan.FromHours(6)], schedule.Take(6));
        Assert.All(schedule.Skip(6), d => Assert.Equal(TimeSpan.FromHours(12), d));
        Assert.Equal(TimeSpan.FromDays(3), schedule.Skip(6).Aggregate(TimeSpan.Zero, (a, b) => a + b));
    }

    [Fact]
    public void A_schedule_that_is_not_a_list_of_time_spans_is_refused_at_start() =>
        Assert.False(new WebhookOptions { RetryDelays = "5s, 30s" }.IsValid());
}
