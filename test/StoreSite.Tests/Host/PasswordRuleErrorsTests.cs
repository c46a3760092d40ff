using StoreSite.Web.Accounts;

namespace StoreSite.Tests.Host;

/// <summary>The password rules in the store's words, joined into one sentence.</summary>
public sealed class PasswordRuleErrorsTests
{
    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "a digit (0–9)" }, "The password needs a digit (0–9).")]
    [InlineData(new[] { "at least 8 characters", "a digit (0–9)" }, "The password needs at least 8 characters and a digit (0–9).")]
    [InlineData(new[] { "at least 8 characters", "a digit (0–9)", "a digit (0–9)", "an upper-case letter (A–Z)" }, "The password needs at least 8 characters, a digit (0–9) and an upper-case letter (A–Z).")]
    public void Sentence_lists_each_missing_rule_once(string[] rules, string expected) =>
        Assert.Equal(expected, PasswordRuleErrors.Sentence(rules));

    [Fact]
    public void Every_rule_is_a_phrase_and_the_mismatch_is_no_rule()
    {
        var errors = new PasswordRuleErrors();
        Assert.Equal("at least 12 characters", errors.PasswordTooShort(12).Description);
        Assert.True(PasswordRuleErrors.IsRule(errors.PasswordRequiresUpper()));
        Assert.True(PasswordRuleErrors.IsRule(errors.PasswordRequiresNonAlphanumeric()));
        Assert.False(PasswordRuleErrors.IsRule(errors.PasswordMismatch()));
        Assert.False(PasswordRuleErrors.IsRule(errors.DuplicateEmail("a@example.com")));
    }
}
