using CP.Licensing.Lifecycle;
using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;

namespace StoreSite.Tests.Licensing;

/// <summary>The activation rule without a site: match the allow-list (by the license's match rule) or take a slot.</summary>
public sealed class ActivationRuleTests
{
    private static readonly LicenseEnvironment[] AllowList = [new("a.example", "198.51.100.1"), new("b.example", "198.51.100.2")];

    [Theory]
    [InlineData(LicenseMatchRule.DomainOrIp, "a.example", "203.0.113.9", ActivationDecision.Match)]
    [InlineData(LicenseMatchRule.DomainOrIp, "new.example", "198.51.100.2", ActivationDecision.Match)]
    [InlineData(LicenseMatchRule.DomainOrIp, "new.example", "203.0.113.9", ActivationDecision.TakeSlot)]
    [InlineData(LicenseMatchRule.Domain, "a.example", "203.0.113.9", ActivationDecision.Match)]
    [InlineData(LicenseMatchRule.Domain, "new.example", "198.51.100.1", ActivationDecision.TakeSlot)]
    [InlineData(LicenseMatchRule.Ip, "new.example", "198.51.100.1", ActivationDecision.Match)]
    [InlineData(LicenseMatchRule.Ip, "a.example", "203.0.113.9", ActivationDecision.TakeSlot)]
    public void A_call_matches_by_the_license_rule_else_takes_a_free_slot(LicenseMatchRule rule, string domain, string ip, ActivationDecision expected) =>
        Assert.Equal(expected, ActivationRule.Decide(rule, AllowList, maxActivations: 3, domain, ip));

    [Fact]
    public void A_new_environment_at_the_limit_is_refused_but_a_match_is_not()
    {
        Assert.Equal(ActivationDecision.Full, ActivationRule.Decide(LicenseMatchRule.DomainOrIp, AllowList, maxActivations: 2, "new.example", "203.0.113.9"));
        Assert.Equal(ActivationDecision.Match, ActivationRule.Decide(LicenseMatchRule.DomainOrIp, AllowList, maxActivations: 2, "b.example", "203.0.113.9"));
        Assert.Equal(ActivationDecision.Full, ActivationRule.Decide(LicenseMatchRule.Domain, AllowList, maxActivations: 2, "new.example", "198.51.100.1"));
    }

    [Fact]
    public void Max_activations_zero_is_unlimited_and_an_empty_allow_list_takes_the_first_slot()
    {
        var many = Enumerable.Range(1, 500).Select(i => new LicenseEnvironment($"s{i}.example", $"10.0.{i / 256}.{i % 256}")).ToArray();

        Assert.Equal(ActivationDecision.TakeSlot, ActivationRule.Decide(LicenseMatchRule.DomainOrIp, many, maxActivations: 0, "new.example", "203.0.113.9"));
        Assert.Equal(ActivationDecision.TakeSlot, ActivationRule.Decide(LicenseMatchRule.DomainOrIp, [], maxActivations: 1, "a.example", "198.51.100.1"));
        Assert.Equal(ActivationDecision.Full, ActivationRule.Decide(LicenseMatchRule.DomainOrIp, AllowList[..1], maxActivations: 1, "b.example", "198.51.100.2"));
    }

    [Fact]
    public void Domains_and_ips_compare_exactly_as_stored_normalized()
    {
        Assert.False(ActivationRule.Matches(LicenseMatchRule.Domain, "a.example", "198.51.100.1", "A.example", "198.51.100.1"));
        Assert.True(ActivationRule.HasFreeSlot(used: 4, maxActivations: 5));
        Assert.False(ActivationRule.HasFreeSlot(used: 5, maxActivations: 5));
        Assert.True(ActivationRule.HasFreeSlot(used: 5, maxActivations: 0));
    }
}
