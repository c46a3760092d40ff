using static StoreSite.Tests.Hostile.HostileRequests;

namespace StoreSite.Tests.Hostile;

/// <summary>
/// Malformed posts of the first-run setup form on a site waiting for setup. Every case has at least
/// one value setup must refuse, so the site stays waiting; values setup might accept are paired
/// with passwords that differ.
/// </summary>
internal static class SetupCorpus
{
    private const string Password = "Owner-Passw0rd";

    public static Corpus<HostileSetupSite> Cases { get; } = Build();

    private static Corpus<HostileSetupSite> Build()
    {
        var corpus = new Corpus<HostileSetupSite>();
        void Setup(string name, Expect expect, params (string, string?)[] values) =>
            Shaped(name, expect, FormShape.UrlEncoded, values);
        void Shaped(string name, Expect expect, FormShape shape, params (string, string?)[] values) =>
            corpus.Add(name, Who.Anonymous, expect, (_, client) => FormAsync(client, "/setup", "form[action='/setup']", "/setup", shape, Merge(
                [("SiteName", "Hostile Store"), ("Recipe", "store"), ("DatabaseProvider", "Sqlite"), ("AdminEmail", "owner@example.com"), ("AdminPassword", Password), ("ConfirmPassword", Password)],
                values)));
        void Mismatched(string name, params (string, string?)[] values) =>
            Setup(name, Expect.Message("ConfirmPassword"), [.. values, ("ConfirmPassword", "Other-Passw0rd")]);

        Setup("setup: empty site name", Expect.Message("SiteName"), ("SiteName", string.Empty));
        Setup("setup: 1 MB site name", Expect.Message("SiteName"), ("SiteName", Megabyte));
        Setup("setup: control characters in the site name", Expect.Message("SiteName"), ("SiteName", Controls));
        Setup("setup: NUL in the site name", Expect.Error(400), ("SiteName", "Store\u0000"));
        Mismatched("setup: markup site name, passwords differ", ("SiteName", Markup));
        Mismatched("setup: SQL site name, passwords differ", ("SiteName", Sql));
        Mismatched("setup: right-to-left site name, passwords differ", ("SiteName", RightToLeft));
        Setup("setup: unknown recipe", Expect.Message("Recipe"), ("Recipe", "nope"));
        Setup("setup: no recipe", Expect.Message("Recipe"), ("Recipe", null));
        Setup("setup: 1 MB recipe", Expect.Message("Recipe"), ("Recipe", Megabyte));
        Setup("setup: SQL recipe", Expect.Message("Recipe"), ("Recipe", Sql));
        Setup("setup: recipe that is no setup recipe", Expect.Message("Recipe"), ("Recipe", "sample-customers"));
        Setup("setup: recipe path traversal", Expect.Message("Recipe"), ("Recipe", "../../../../etc/passwd"));
        Setup("setup: recipe path to a JSON file that is no recipe", Expect.Message("Recipe"), ("Recipe", Path.Combine(AppContext.BaseDirectory, "xunit.runner.json")));
        Setup("setup: recipe path to a file that is not JSON", Expect.Message("Recipe"), ("Recipe", Path.Combine(AppContext.BaseDirectory, "StoreSite.Tests.dll") + ".json"));
        Setup("setup: recipe path to the web app's settings", Expect.Message("Recipe"), ("Recipe", Path.Combine(AppContext.BaseDirectory, "appsettings.json")));
        Setup("setup: recipe path to a setup recipe cut off in the middle of its licenses", Expect.Message("Recipe"), ("Recipe", RecipeFile("cut", LargeSetupRecipe(3_000)[..^4_000])));
        Setup("setup: recipe path to a setup recipe with text after its end", Expect.Message("Recipe"), ("Recipe", RecipeFile("trailing", LargeSetupRecipe(10) + " {")));
        Setup("setup: unknown database", Expect.Message("DatabaseProvider"), ("DatabaseProvider", "Oracle"));
        Setup("setup: SQL database", Expect.Message("DatabaseProvider"), ("DatabaseProvider", Sql));
        Setup("setup: PostgreSQL without a connection string", Expect.Message("ConnectionString"), ("DatabaseProvider", "Postgres"), ("ConnectionString", string.Empty));
        Setup("setup: PostgreSQL with SQL as the connection string", Expect.Message("ConnectionString"), ("DatabaseProvider", "Postgres"), ("ConnectionString", "'; DROP DATABASE postgres; --"));
        Setup("setup: PostgreSQL with markup as the connection string", Expect.Message("ConnectionString"), ("DatabaseProvider", "Postgres"), ("ConnectionString", Markup));
        Setup("setup: PostgreSQL on a closed port", Expect.Message("ConnectionString"), ("DatabaseProvider", "Postgres"), ("ConnectionString", "Host=127.0.0.1;Port=1;Database=x;Username=x;Timeout=2"));
        Setup("setup: PostgreSQL with a bad port", Expect.Message("ConnectionString"), ("DatabaseProvider", "Postgres"), ("ConnectionString", "Host=127.0.0.1;Port=99999999999"));
        Setup("setup: 1 MB connection string", Expect.Message("ConnectionString"), ("DatabaseProvider", "Postgres"), ("ConnectionString", Megabyte));
        Setup("setup: empty public address", Expect.Message("PublicUrl"), ("PublicUrl", string.Empty));
        Setup("setup: no public address", Expect.Message("PublicUrl"), ("PublicUrl", null));
        foreach (var (label, value) in BadPublicUrls)
        {
            Setup($"setup: public address, {label}", Expect.Message("PublicUrl"), ("PublicUrl", value));
        }

        Setup("setup: public address with a NUL", Expect.Error(400), ("PublicUrl", "https://store.example.com/\u0000"));
        foreach (var (label, headers) in HostileHosts)
        {
            // The page prefills the address from the request; a Host that is no acceptable address leaves the field empty.
            corpus.Add($"setup page: {label}", Who.Anonymous, Expect.Page(), (_, client) =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "/setup");
                foreach (var group in headers.GroupBy(h => h.Name))
                {
                    request.Headers.Remove(group.Key);
                    request.Headers.TryAddWithoutValidation(group.Key, group.Select(h => h.Value));
                }

                return client.SendAsync(request);
            });
            corpus.Add($"setup: {label}, passwords differ", Who.Anonymous, Expect.Message("ConfirmPassword"), (_, client) => FormAsync(client, "/setup", "form[action='/setup']", "/setup", FormShape.UrlEncoded, headers, Merge(
                [("SiteName", "Hostile Store"), ("Recipe", "store"), ("DatabaseProvider", "Sqlite"), ("AdminEmail", "owner@example.com"), ("AdminPassword", Password), ("ConfirmPassword", "Other-Passw0rd")],
                [])));
        }

        Setup("setup: empty admin email", Expect.Message("AdminEmail"), ("AdminEmail", string.Empty));
        Setup("setup: 1 MB admin email", Expect.Message("AdminEmail"), ("AdminEmail", Megabyte));
        Setup("setup: SQL admin email", Expect.Message("AdminEmail"), ("AdminEmail", Sql));
        Setup("setup: admin email with control characters", Expect.Message("AdminEmail"), ("AdminEmail", "own\u0007er@example.com"));
        Mismatched("setup: markup in the admin email, passwords differ", ("AdminEmail", "<script>@example.com"));
        Setup("setup: markup in the admin email's local part", Expect.Message("AdminEmail"), ("AdminEmail", "<script>alert(1)</script>@example.com"));
        Setup("setup: quoted admin email", Expect.Message("AdminEmail"), ("AdminEmail", "\"owner\"@example.com"));
        Setup("setup: admin email with a display name", Expect.Message("AdminEmail"), ("AdminEmail", "Owner <owner@example.com>"));
        Setup("setup: admin email with a space", Expect.Message("AdminEmail"), ("AdminEmail", "the owner@example.com"));
        Setup("setup: weak admin password", Expect.Message("AdminPassword"), ("AdminPassword", "weak"), ("ConfirmPassword", "weak"));
        Setup("setup: 1 MB admin password", Expect.Message("AdminPassword"), ("AdminPassword", Megabyte), ("ConfirmPassword", Megabyte));
        Setup("setup: passwords differ", Expect.Message("ConfirmPassword"), ("ConfirmPassword", "Other-Passw0rd"));
        Shaped("setup: multipart with an empty site name", Expect.Message("SiteName"), FormShape.Multipart, ("SiteName", string.Empty));
        Shaped("setup: without antiforgery token", Expect.Error(400), FormShape.NoToken);
        Shaped("setup: forged antiforgery token", Expect.Error(400), FormShape.ForgedToken);
        Shaped("setup: fields as JSON", Expect.Error(400), FormShape.Json);
        corpus.Add("setup: PUT", Who.Anonymous, Expect.Error(405), (_, client) => SendAsync(client, HttpMethod.Put, "/setup", new FormUrlEncodedContent([new("SiteName", "x")])));
        corpus.Add("setup: DELETE", Who.Anonymous, Expect.Error(405), (_, client) => SendAsync(client, HttpMethod.Delete, "/setup"));
        return corpus;
    }

    /// <summary>A setup recipe with a customer and <paramref name="count"/> licenses, as text.</summary>
    private static string LargeSetupRecipe(int count)
    {
        var entry = """{"customerEmail":"holder@example.com","product":"Gallery Pro","maxActivations":1}""";
        var licenses = string.Join(",", Enumerable.Repeat(entry, count));
        return $$"""
            {"name":"hostile-large","issetuprecipe":true,"steps":[
              {"name":"feature","enable":["CP.Commerce","CP.Licensing"]},
              {"name":"Users","Users":[{"email":"holder@example.com","password":"Holder-Passw0rd","roles":["Customer"]}]},
              {"name":"Licenses","licenses":[{{licenses}}]}]}
            """;
    }

    /// <summary>Writes a recipe file for a case that names it by path.</summary>
    private static string RecipeFile(string name, string json)
    {
        var folder = Path.Combine(Path.GetTempPath(), "storesite-hostile-recipes");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}-{Guid.NewGuid():N}.recipe.json");
        File.WriteAllText(path, json);
        return path;
    }
}
