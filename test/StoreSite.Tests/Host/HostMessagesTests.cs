using StoreSite.Web.Accounts;
using StoreSite.Web.Controllers;
using StoreSite.Web.Modules;
using StoreSite.Web.Setup;

namespace StoreSite.Tests.Host;

/// <summary>The words the web layer chooses from the host services' problem codes.</summary>
public sealed class HostMessagesTests
{
    [Theory]
    [InlineData(SignInProblems.WrongEmailOrPassword)]
    [InlineData("a_code_added_later")]
    public void Any_sign_in_refusal_but_a_lock_answers_wrong_email_or_password(string code) =>
        Assert.Equal("Wrong email or password.", SignInMessages.Refused(Outcome.Refused(code)));

    [Theory]
    [InlineData("1", "This account is locked after too many failed attempts. Try again in 1 minute.")]
    [InlineData("14", "This account is locked after too many failed attempts. Try again in 14 minutes.")]
    public void A_lock_after_failed_attempts_says_how_long_it_lasts(string minutes, string expected) =>
        Assert.Equal(expected, SignInMessages.Refused(Outcome.Refused(SignInProblems.LockedOut, detail: minutes)));

    [Fact]
    public void An_administrator_s_lock_says_to_contact_the_store() =>
        Assert.Equal("This account is locked. Contact the store if you think this is a mistake.", SignInMessages.Refused(Outcome.Refused(SignInProblems.LockedByAdministrator)));

    [Theory]
    [InlineData("Licensing", "Commerce cannot be disabled while Licensing depends on it. Disable Licensing first.")]
    [InlineData("Licensing, Gadgets", "Commerce cannot be disabled while Licensing, Gadgets depend on it. Disable Licensing, Gadgets first.")]
    public void A_module_that_others_depend_on_names_them(string blocking, string expected) =>
        Assert.Equal(expected, ModuleChangeMessages.Refused(Outcome.Refused(ModuleProblems.HasDependents, detail: blocking), "Commerce"));

    [Theory]
    [InlineData(new string[0], "a@example.com now has no role.")]
    [InlineData(new[] { "Editor" }, "a@example.com now has the role Editor.")]
    [InlineData(new[] { "Administrator", "Editor" }, "a@example.com now has the roles Administrator, Editor.")]
    public void Set_roles_are_listed(string[] roles, string expected) =>
        Assert.Equal(expected, UserAdminMessages.RolesSet(new UserRoles("a@example.com", roles)));

    [Fact]
    public void A_setup_problem_from_outside_the_store_is_shown_with_its_detail() =>
        Assert.Equal("Could not connect to the database: connection refused", SetupMessages.Of(Outcome.Refused(SetupProblems.DatabaseUnreachable, SetupProblems.ConnectionStringField, "connection refused")));
}
