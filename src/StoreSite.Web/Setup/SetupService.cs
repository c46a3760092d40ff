using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using StoreSite.Data;
using StoreSite.Mail;
using StoreSite.Recipes;
using StoreSite.Security;
using StoreSite.Settings;
using StoreSite.Setup;
using StoreSite.Web.Accounts;
using StoreSite.Web.Data;
using StoreSite.Web.Modules;
using StoreSite.Web.Recipes;
using StoreSite.Web.Security;

namespace StoreSite.Web.Setup;

/// <summary>
/// Sets the site up once: checks the request (database reachable, recipe, admin account), applies
/// every migration, then in one transaction claims the site row, runs the recipe, creates the admin
/// and lets modules finish (e.g. the licensing secret). Two nodes racing on one empty database set
/// it up once: the loser's claim fails on the site row's key and it joins the winner's site.
/// </summary>
public sealed class SetupService(
    IServiceScopeFactory scopes,
    SiteConnection site,
    SiteState state,
    DatabaseLocator locator,
    RecipeHarvester recipes,
    ModuleStateCache modules,
    SiteXmlRepository keys,
    TimeProvider clock,
    ILogger<SetupService> logger)
{
    /// <summary>How long a node waits for another node's setup of the same database to commit.</summary>
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Every problem with the request (refusals naming the setup form's field), at most one per field; empty when it can run.</summary>
    public async Task<IReadOnlyList<Outcome>> ValidateAsync(SetupRequest request, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await CheckAsync(request, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyList<Outcome>> CheckAsync(SetupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, Outcome>();
        if (SiteSettingsRules.SiteName(request.SiteName) is null)
        {
            errors[nameof(SetupRequest.SiteName)] = Outcome.Refused(SetupProblems.SiteNameInvalid, nameof(SetupRequest.SiteName));
        }

        if (!string.IsNullOrWhiteSpace(request.PublicUrl) && SiteSettingsRules.PublicUrl(request.PublicUrl) is null)
        {
            errors[nameof(SetupRequest.PublicUrl)] = Outcome.Refused(SetupProblems.PublicUrlInvalid, nameof(SetupRequest.PublicUrl));
        }

        RecipeDescriptor? recipe = null;
        try
        {
            recipe = string.IsNullOrWhiteSpace(request.Recipe) ? null : recipes.Find(request.Recipe);
        }
        catch (Exception ex) when (ex is RecipeException or IOException or UnauthorizedAccessException)
        {
            // A path to a file that is no recipe (or cannot be read): refused like an unknown recipe.
            errors[nameof(SetupRequest.Recipe)] = Outcome.Refused(SetupProblems.RecipeUnusable, nameof(SetupRequest.Recipe), ex.Message);
        }

        if (recipe is null)
        {
            errors.TryAdd(nameof(SetupRequest.Recipe), Outcome.Refused(SetupProblems.RecipeRequired, nameof(SetupRequest.Recipe)));
        }
        else if (!recipe.IsSetupRecipe)
        {
            errors[nameof(SetupRequest.Recipe)] = Outcome.Refused(SetupProblems.NotASetupRecipe, nameof(SetupRequest.Recipe), recipe.Name);
        }

        if (!EmailAddressRule.IsValid(request.AdminEmail))
        {
            errors[nameof(SetupRequest.AdminEmail)] = Outcome.Refused(SetupProblems.AdminEmailInvalid, nameof(SetupRequest.AdminEmail));
        }

        if (await TestConnectionAsync(request.Database, cancellationToken) is { Succeeded: false } connectionProblem)
        {
            errors[SetupProblems.ConnectionStringField] = connectionProblem;
            return errors.Values.ToList();
        }

        if (string.IsNullOrEmpty(request.AdminPassword))
        {
            errors[nameof(SetupRequest.AdminPassword)] = Outcome.Refused(SetupProblems.AdminPasswordRequired, nameof(SetupRequest.AdminPassword));
        }
        else if (!state.IsSetUp)
        {
            site.Use(request.Database);
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StoreUser>>();
            var probe = new StoreUser { UserName = request.AdminEmail, Email = request.AdminEmail };
            var problems = new List<string>();
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, probe, request.AdminPassword);
                problems.AddRange(result.Errors.Where(PasswordRuleErrors.IsRule).Select(e => e.Description));
            }

            if (problems.Count > 0)
            {
                errors[nameof(SetupRequest.AdminPassword)] = Outcome.Refused(SetupProblems.AdminPasswordRefused, nameof(SetupRequest.AdminPassword), PasswordRuleErrors.Sentence(problems));
            }
        }

        return errors.Values.ToList();
    }

    /// <summary>
    /// Sets the site up, or finds it set up already; refused (nothing applied) with the first
    /// problem of <see cref="ValidateAsync"/>, or when the recipe stops or the admin cannot be made.
    /// </summary>
    public async Task<Outcome<SetupOutcome>> SetupAsync(SetupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (state.IsSetUp)
            {
                return Outcome<SetupOutcome>.Done(SetupOutcome.AlreadySetUp);
            }

            var errors = await CheckAsync(request, cancellationToken);
            if (errors.Count > 0)
            {
                return errors[0];
            }

            site.Use(request.Database);
            if (await IsSiteInDatabaseAsync(cancellationToken))
            {
                await JoinExistingSiteAsync(cancellationToken);
                return Outcome<SetupOutcome>.Done(SetupOutcome.AlreadySetUp);
            }

            await using (var migrationScope = scopes.CreateAsyncScope())
            {
                await migrationScope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            }

            var recipe = recipes.Find(request.Recipe)!;
            var outcome = await CreateSiteAsync(request, recipe, cancellationToken);
            if (!outcome.Succeeded)
            {
                return outcome;
            }

            if (outcome.Value == SetupOutcome.AlreadySetUp)
            {
                await JoinExistingSiteAsync(cancellationToken);
                return outcome;
            }

            locator.Remember(request.Database);
            state.MarkSetUp();
            await modules.RefreshAsync(cancellationToken);
            logger.LogInformation("Site {SiteName} set up with recipe {Recipe} on {Provider}", request.SiteName, recipe.Name, request.Database.Provider);
            return Outcome<SetupOutcome>.Done(SetupOutcome.SetUp);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>True when the current database already holds a set-up site.</summary>
    public async Task<bool> IsSiteInDatabaseAsync(CancellationToken cancellationToken)
    {
        if (site.Current is null)
        {
            return false;
        }

        await using var connection = site.CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM \"SiteSettings\" WHERE \"Section\" = 'Site'";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
        catch (DbException)
        {
            return false;
        }
    }

    /// <summary>Applies pending migrations of an existing site and marks it set up (start-up of an existing site).</summary>
    public async Task JoinExistingSiteAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }

        state.MarkSetUp();
        await modules.RefreshAsync(cancellationToken);
    }

    private async Task<Outcome<SetupOutcome>> CreateSiteAsync(SetupRequest request, RecipeDescriptor recipe, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var database = services.GetRequiredService<SiteDatabase>();
        var db = services.GetRequiredService<StoreSiteDbContext>();
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);

        // The claim waits on the site row's key for as long as another node's setup (the whole
        // recipe) is uncommitted, which can outlast the usual command timeout on a busy machine.
        db.SiteSettings.Add(new SiteSettingRecord { Section = SiteSettings.Section, Json = "{}", UpdatedAt = clock.GetUtcNow() });
        db.Database.SetCommandTimeout(ClaimTimeout);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome<SetupOutcome>.Done(SetupOutcome.AlreadySetUp);
        }
        finally
        {
            db.Database.SetCommandTimeout((int?)null);
        }

        await services.GetRequiredService<RolePermissionService>().EnsureStandardRolesAsync(cancellationToken);
        try
        {
            await services.GetRequiredService<RecipeExecutor>().RunStepsAsync(RecipeSource.FromFile(recipe.FilePath), Path.GetDirectoryName(Path.GetFullPath(recipe.FilePath)), cancellationToken);
        }
        catch (RecipeException ex)
        {
            logger.LogWarning("Setup recipe {Recipe} stopped: {Problem}", recipe.Name, ex.Message);
            return Outcome.Refused(SetupProblems.RecipeFailed, nameof(SetupRequest.Recipe), ex.Message);
        }

        var settingsStore = services.GetRequiredService<ISiteSettingsStore>();
        var settings = await settingsStore.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        settings.SiteName = SiteSettingsRules.SiteName(request.SiteName)!;
        if (SiteSettingsRules.PublicUrl(request.PublicUrl) is { } publicUrl)
        {
            settings.PublicUrl = publicUrl;
        }
        await settingsStore.SaveAsync(SiteSettings.Section, settings, cancellationToken);

        var users = services.GetRequiredService<UserManager<StoreUser>>();
        var admin = await users.FindByEmailAsync(request.AdminEmail);
        if (admin is null)
        {
            admin = new StoreUser { UserName = request.AdminEmail, Email = request.AdminEmail, EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
            var created = await users.CreateAsync(admin, request.AdminPassword);
            if (!created.Succeeded)
            {
                return Outcome.Refused(SetupProblems.AdminNotCreated, nameof(SetupRequest.AdminEmail), string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }

        if (!await users.IsInRoleAsync(admin, StandardRoles.Administrator))
        {
            await users.AddToRoleAsync(admin, StandardRoles.Administrator);
        }

        foreach (var handler in services.GetServices<ISiteSetupHandler>())
        {
            await handler.SiteSetUpAsync(cancellationToken);
        }

        await keys.CopyPreSetupKeysAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<SetupOutcome>.Done(SetupOutcome.SetUp);
    }

    private async Task<Outcome> TestConnectionAsync(DatabaseConnectionInfo info, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(info.ConnectionString))
        {
            return Outcome.Refused(SetupProblems.ConnectionStringRequired, SetupProblems.ConnectionStringField);
        }

        try
        {
            await using var connection = site.CreateConnection(info);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return Outcome.Done;
        }
        catch (Exception ex) when (ex is DbException or ArgumentException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return Outcome.Refused(SetupProblems.DatabaseUnreachable, SetupProblems.ConnectionStringField, ex.Message);
        }
    }
}
