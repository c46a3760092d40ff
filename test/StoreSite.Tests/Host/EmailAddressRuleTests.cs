using MimeKit;
using StoreSite.Mail;

namespace StoreSite.Tests.Host;

public sealed class EmailAddressRuleTests
{
    /// <summary>Addresses MimeKit (the mailer's parser) refuses, or reads as another address, and addresses that cannot get mail.</summary>
    public static TheoryData<string> Refused => new()
    {
        "<script>alert(1)</script>@x.co",
        "a b@x.co",
        "\"a\"@x.co",
        "\"a b\"@x.co",
        "a(comment)@x.co",
        "Name <a@x.co>",
        "a@x.co (Name)",
        "a@x.co, b@x.co",
        "a..b@x.co",
        ".a@x.co",
        "a.@x.co",
        "a@@x.co",
        "a@x.co.",
        "a@x",
        "a@localhost",
        "a@[192.0.2.1]",
        "a@192.0.2.1",
        "a@x_y.co",
        "a@-x.co",
        "a\\b@x.co",
        "üser@x.co",
        "a@x.co\r\nBcc: all@x.co",
        "a\u0007b@x.co",
        "a\u200Bb@x.co",
        "\u202Emoc.elpmaxe@nosrep",
        "@x.co",
        "a@",
        "",
        " ",
        new string('a', 65) + "@x.co",
        "a@" + new string('b', 250) + ".co",
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Addresses_the_mailer_cannot_send_to_as_typed_are_refused(string address)
    {
        Assert.False(EmailAddressRule.IsValid(address));
    }

    [Theory]
    [InlineData("a@x.co")]
    [InlineData("first.last+tag@mail.example.com")]
    [InlineData("o'brien@example.co.uk")]
    [InlineData("A.Mixed-Case_1@Example.COM")]
    [InlineData("user@bücher.example")]
    [InlineData("user@xn--bcher-kva.example")]
    [InlineData("  padded@example.com  ")]
    public void Plain_addresses_are_accepted_and_the_mailer_parses_each_to_the_same_address(string address)
    {
        Assert.True(EmailAddressRule.IsValid(address));
        var mailbox = MailboxAddress.Parse(EmailAddressRule.ParserOptions, address.Trim());
        Assert.Contains(address.Trim(), new[] { mailbox.Address, mailbox.GetAddress(idnEncode: true) });
    }
}
