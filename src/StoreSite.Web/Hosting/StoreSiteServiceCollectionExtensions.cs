using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using StoreSite.Data;
using StoreSite.Files;
using StoreSite.Http;
using StoreSite.Mail;
using StoreSite.Modules;
using StoreSite.Navigation;
using StoreSite.Notifications;
using StoreSite.Recipes;
using StoreSite.Security;
using StoreSite.Settings;
using StoreSite.Users;
using StoreSite.Web.Accounts;
using StoreSite.Web.Data;
using StoreSite.Web.Files;
using StoreSite.Web.Mail;
using StoreSite.Web.Modules;
using StoreSite.Web.Navigation;
using StoreSite.Web.Notifications;
using StoreSite.Web.Operations;
using StoreSite.Web.Recipes;
using StoreSite.Web.Security;
using StoreSite.Web.Setup;

namespace StoreSite.Web.Hosting;

/// <summary>Composes the host's services and the modules listed in <c>Program.cs</c>.</summary>
public static class StoreSiteServiceCollectionExtensions
{
    /// <summary>The rate-limiter policy of the sign-in form.</summary>
    public const string SignInRateLimit = "sign-in";

    public static WebApplicationBuilder AddStoreSite(this WebApplicationBuilder builder, Action<ModuleCatalog> compose)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(compose);
        var catalog = new ModuleCatalog();
        compose(catalog);

        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton(catalog);
        services.AddOptions<StoreSiteOptions>().Bind(configuration.GetSection(StoreSiteOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StoreSiteOptions>, StoreSiteOptionsValidator>();
        services.AddSingleton(TimeProvider.System);

        AddData(services, configuration);
        AddAccounts(services);
        AddModules(services);
        AddRecipes(services);
        AddWeb(services, catalog);
        AddOperations(services);

        foreach (var module in catalog.Startups)
        {
            module.ConfigureServices(services, configuration);
        }

        return builder;
    }

    private static void AddData(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AppDataPaths>();
        services.AddSingleton<DatabaseLocator>();
        services.AddSingleton<SiteConnection>();
        services.AddSingleton<SiteState>();
        services.AddSingleton<SetupService>();
        services.AddSingleton<SiteInitializer>();
        services.AddScoped<SiteIdentity>();
        services.AddScoped<SiteDatabase>();
        services.AddModuleDbContext<StoreSiteDbContext, SqliteStoreSiteDbContext, PostgresStoreSiteDbContext>(StoreSiteDbContext.MigrationsHistoryTable);
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<ISiteSettingsStore, SiteSettingsStore>();
        services.AddScoped<SiteDates>();
        services.AddSingleton<ListeningAddress>();
        services.AddScoped<IPublicSiteAddress, PublicSiteAddressResolver>();
        services.AddSingleton<SiteXmlRepository>();
        services.AddDataProtection().SetApplicationName("StoreSite");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<SiteXmlRepository>()));
        services.AddSingleton<IEmailSender, EmailSender>();
        services.AddSingleton<IMailRenderer, RazorMailRenderer>();
        AddFiles(services, configuration);
    }

    private static void AddFiles(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FilesOptions>().Bind(configuration.GetSection(FilesOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FilesOptions>, FilesOptionsValidator>();
        services.AddSingleton<FileSystemFileStore>();
        services.AddSingleton<S3FileStore>();
        services.AddSingleton<IFileStore>(sp =>
            string.Equals(sp.GetRequiredService<IOptions<FilesOptions>>().Value.Provider, FilesOptions.S3Provider, StringComparison.OrdinalIgnoreCase)
                ? sp.GetRequiredService<S3FileStore>()
                : sp.GetRequiredService<FileSystemFileStore>());
    }

    private static void AddAccounts(IServiceCollection services)
    {
        services.AddIdentity<StoreUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = string.Empty;
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireDigit = true;
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<StoreSiteDbContext>()
            .AddUserManager<StoreUserManager>()
            .AddErrorDescriber<PasswordRuleErrors>()
            .AddDefaultTokenProviders();
        services.AddOptions<IdentityOptions>().Configure<IOptions<StoreSiteOptions>>((identity, site) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = site.Value.SignIn.MaxFailedAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(site.Value.SignIn.LockoutMinutes);
        });
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((stamps, clock) =>
        {
            // A locked user, a changed password or changed roles take effect within a minute.
            stamps.ValidationInterval = TimeSpan.FromMinutes(1);
            stamps.TimeProvider = clock;
        });
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = ".StoreSite.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/error/403";
            // A signed-in user without the permission gets a 403 answer (the error page), not a redirect.
            // The sign-in redirect is relative: the cookie handler builds an absolute one from the
            // request's Host header, which a client chooses.
            options.Events.OnRedirectToLogin = context =>
            {
                var target = new Uri(context.RedirectUri, UriKind.RelativeOrAbsolute);
                var local = target.IsAbsoluteUri ? target.PathAndQuery : context.RedirectUri;
                if (string.Equals(context.Request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.Ordinal))
                {
                    context.Response.Headers.Location = local;
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    context.Response.Redirect(local);
                }

                return Task.CompletedTask;
            };
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
        });

        // The cookie carries only a session key; sign-out deletes the session on every node (SignInSessionStore).
        services.AddSingleton<SignInSessionStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SignInSessionStore>((cookie, sessions) => cookie.SessionStore = sessions);
        services.AddScoped<UserSessions>();
        services.AddSingleton<UnknownAccountPassword>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<PasswordResetSender>();
        services.AddScoped<StoreSite.Accounts.IAccountInvitations, AccountInvitations>();
        services.AddSingleton<PasswordResetQueue>();
        services.AddHostedService<PasswordResetWorker>();
        services.AddScoped<UserSearch>();
        services.AddScoped<UserCreator>();
        services.AddScoped<UserRoleAssigner>();
        services.AddScoped<UserLocker>();

        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<PermissionCatalog>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<RolePermissionCache>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddScoped<RolePermissionService>();
    }

    private static void AddModules(IServiceCollection services)
    {
        services.AddSingleton<ModuleStateCache>();
        services.AddSingleton<IModuleState>(sp => sp.GetRequiredService<ModuleStateCache>());
        services.AddHostedService<ModuleStateRefresher>();
        services.AddScoped<ModuleManager>();
        services.AddSingleton<IAdminMenu, AdminMenu>();
    }

    private static void AddRecipes(IServiceCollection services)
    {
        services.AddSingleton<RecipeHarvester>();
        services.AddScoped<RecipeExecutor>();
        services.AddScoped<IRecipeStep, FeatureStep>();
        services.AddScoped<IRecipeStep, SettingsStep>();
        services.AddScoped<IRecipeStep, RolesStep>();
        services.AddScoped<IRecipeStep, UsersStep>();
    }

    private static void AddWeb(IServiceCollection services, ModuleCatalog catalog)
    {
        var mvc = services.AddControllersWithViews(options =>
        {
            options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            options.Conventions.Add(new ModuleControllerConvention(catalog));
            options.ModelBinderProviders.Insert(0, new BooleanModelBinderProvider());
        });
        foreach (var module in catalog.Startups)
        {
            mvc.AddApplicationPart(module.GetType().Assembly);
        }

        // Every cookie the site sets is Secure when the request is https (directly, or from a trusted
        // proxy that says so); ASP.NET Core's antiforgery and TempData cookies default to never Secure.
        services.AddHttpContextAccessor();
        services.AddScoped<INotifier, TempDataNotifier>();

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = ".StoreSite.Antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__RequestVerificationToken";
        });
        services.Configure<CookieTempDataProviderOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // Read only by TrustedProxyHeadersMiddleware, which the pipeline uses only when a proxy or a
        // network is configured (with both lists empty ASP.NET Core would trust every sender).
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<StoreSiteOptions>>((forwarded, site) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            forwarded.ForwardLimit = site.Value.ForwardedHeaders.ForwardLimit;
            foreach (var proxy in StoreSiteOptionsValidator.Split(site.Value.ForwardedHeaders.KnownProxies))
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in StoreSiteOptionsValidator.Split(site.Value.ForwardedHeaders.KnownNetworks))
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignInRateLimit, context =>
            {
                var signIn = context.RequestServices.GetRequiredService<IOptions<StoreSiteOptions>>().Value.SignIn;
                return HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        ClientAddress.Of(context),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = signIn.PermitPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(string.Empty);
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many attempts. Wait a minute and try again.", cancellationToken);
            };
        });
    }

    private static void AddOperations(IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter("StoreSite.*", "CP.*")
            .AddPrometheusExporter());
    }
}
