using CP.Licensing.Models;
using StoreSite.Data;

namespace CP.Licensing.Data;

/// <summary>
/// Every hand-written SQL statement on the licensing tables, in one place: the Verify hot path,
/// issuance, revocation, the admin's slot and limit changes and the list's SQLite read hints.
/// Everything else is LINQ. Parameters are named in each statement; nothing is ever concatenated
/// from input.
/// </summary>
public static class LicenseSql
{
    private const int DomainRule = (int)LicenseMatchRule.Domain;
    private const int IpRule = (int)LicenseMatchRule.Ip;

    // The match rule: the domain or the IP is on the allow-list (DomainOrIp), or only one of them.
    private static readonly string Matches = $"""
        a."LicenseId" = @id AND NOT a."IsDevelopment" AND ((@rule <> {IpRule} AND a."Domain" = @domain) OR (@rule <> {DomainRule} AND a."Ip" = @ip))
        """;

    // The license by its key (unique index) and, in the same query, when a matching production
    // environment of its allow-list was last seen (null: no match). A scalar subquery: SQLite
    // prepares it in half the time of a LEFT JOIN.
    public static readonly string Load = $"""
        SELECT l."Id", l."ProductName", l."ExpiresOn", l."MaxActivations", l."ActivationsUsed",
               l."RevokedAt" IS NOT NULL, l."MatchBy", l."ProductId", l."SuspendedAt" IS NOT NULL, l."DevelopmentSitesFree",
               (SELECT a."LastSeenAt" FROM "LicenseActivations" AS a
                WHERE a."LicenseId" = l."Id" AND NOT a."IsDevelopment" AND ((l."MatchBy" <> {IpRule} AND a."Domain" = @domain) OR (l."MatchBy" <> {DomainRule} AND a."Ip" = @ip))
                LIMIT 1)
        FROM "Licenses" AS l
        WHERE l."Key" = @key
        """;

    // A development domain's call (DESIGN: keyed by domain only): the same license columns, then
    // the production match (used when the key counts development sites like any other) and when this
    // domain's development environment was last seen. An older production row of exactly this
    // domain and IP counts as this domain's environment too: the unique index (license, domain, IP)
    // leaves no room for a second row, and it already is on the allow-list.
    public static readonly string LoadDevelopment = $"""
        SELECT l."Id", l."ProductName", l."ExpiresOn", l."MaxActivations", l."ActivationsUsed",
               l."RevokedAt" IS NOT NULL, l."MatchBy", l."ProductId", l."SuspendedAt" IS NOT NULL, l."DevelopmentSitesFree",
               (SELECT a."LastSeenAt" FROM "LicenseActivations" AS a
                WHERE a."LicenseId" = l."Id" AND NOT a."IsDevelopment" AND ((l."MatchBy" <> {IpRule} AND a."Domain" = @domain) OR (l."MatchBy" <> {DomainRule} AND a."Ip" = @ip))
                LIMIT 1),
               (SELECT a."LastSeenAt" FROM "LicenseActivations" AS a
                WHERE a."LicenseId" = l."Id" AND a."Domain" = @domain AND (a."IsDevelopment" OR a."Ip" = @ip)
                LIMIT 1)
        FROM "Licenses" AS l
        WHERE l."Key" = @key
        """;

    private const string DevelopmentMatches = """a."LicenseId" = @id AND a."Domain" = @domain AND (a."IsDevelopment" OR a."Ip" = @ip)""";

    public const string TouchDevelopment = $"""UPDATE "LicenseActivations" AS a SET "LastSeenAt" = @now WHERE {DevelopmentMatches}""";

    // Locks the license row (the same order as TakeSlot) without changing it.
    public const string LockLicense = """
        UPDATE "Licenses" SET "ActivationsUsed" = "ActivationsUsed" WHERE "Id" = @id RETURNING "ActivationsUsed"
        """;

    // Under the license row lock: the license's development environments, and whether this domain is one.
    public const string CountDevelopment = $"""
        SELECT COUNT(*) FILTER (WHERE a."IsDevelopment"), COUNT(*) FILTER (WHERE {DevelopmentMatches})
        FROM "LicenseActivations" AS a WHERE a."LicenseId" = @id
        """;

    public const string AddDevelopmentEnvironment = """
        INSERT INTO "LicenseActivations" ("LicenseId", "Domain", "Ip", "IsDevelopment", "FirstSeenAt", "LastSeenAt") VALUES (@id, @domain, @ip, TRUE, @now, @now)
        """;

    // A refusal at the limit, once per license, UTC day and domain (the unique index); 1 when written.
    public const string AddRefusal = """
        INSERT INTO "RefusedEnvironments" ("LicenseId", "Day", "Domain", "Ip", "At") VALUES (@id, @day, @domain, @ip, @now)
        ON CONFLICT ("LicenseId", "Day", "Domain") DO NOTHING
        RETURNING "Id"
        """;

    // A renewal reminder is taken before its mail goes out; the key (license, expiry, offset) lets only one caller take it.
    public const string TakeReminder = """
        INSERT INTO "RenewalReminders" ("LicenseId", "ExpiresOn", "OffsetDays", "SentAt") VALUES (@id, @expires, @offset, @now)
        ON CONFLICT ("LicenseId", "ExpiresOn", "OffsetDays") DO NOTHING
        """;

    // A reminder whose mail could not be sent is given back, so that a later run sends it.
    public const string ReturnReminder = """
        DELETE FROM "RenewalReminders" WHERE "LicenseId" = @id AND "ExpiresOn" = @expires AND "OffsetDays" = @offset
        """;

    // The customer's limit notice, once per license per UTC day: only the first call of the day changes the row.
    public const string TakeLimitNotice = """
        UPDATE "Licenses" SET "LimitNoticeSentOn" = @day
        WHERE "Id" = @id AND ("LimitNoticeSentOn" IS NULL OR "LimitNoticeSentOn" <> @day)
        RETURNING "CustomerEmail", "ProductName", "Key"
        """;

    public static readonly string Touch = $"""UPDATE "LicenseActivations" AS a SET "LastSeenAt" = @now WHERE {Matches}""";

    // Takes a slot only while one is free (0 = unlimited). The database holds the invariant, and the
    // row lock (PostgreSQL) / write lock (SQLite, BEGIN IMMEDIATE) serializes calls on one license.
    public const string TakeSlot = """
        UPDATE "Licenses" SET "ActivationsUsed" = "ActivationsUsed" + 1
        WHERE "Id" = @id AND ("MaxActivations" = 0 OR "ActivationsUsed" < "MaxActivations")
        RETURNING "ActivationsUsed"
        """;

    public static readonly string Match = $"""SELECT 1 FROM "LicenseActivations" AS a WHERE {Matches} LIMIT 1""";

    public static readonly string AddEnvironment = $"""
        INSERT INTO "LicenseActivations" ("LicenseId", "Domain", "Ip", "FirstSeenAt", "LastSeenAt") VALUES (@id, @domain, @ip, @now, @now);
        INSERT INTO "LicenseEvents" ("LicenseId", "At", "Kind", "Actor", "Detail") VALUES (@id, @now, {(int)LicenseEventKind.Activated}, 'api', @detail);
        """;

    // Deactivate: the license by its key, with what the key checks need.
    public const string LoadForDeactivation = """
        SELECT "Id", "ProductId", "RevokedAt" IS NOT NULL, "MatchBy", "DevelopmentSitesFree"
        FROM "Licenses"
        WHERE "Key" = @key
        """;

    // The production environment a Deactivate call removes, by Verify's match rule. When the domain
    // matches one row and the IP another, the domain's goes first; one row per call.
    public static readonly string FindMatchedEnvironment = $"""
        SELECT a."Id" FROM "LicenseActivations" AS a
        WHERE {Matches}
        ORDER BY CASE WHEN @rule <> {IpRule} AND a."Domain" = @domain THEN 0 ELSE 1 END, a."Id"
        LIMIT 1
        """;

    // The development environment of a development domain (keyed by domain only).
    public const string FindDevelopmentEnvironment = """
        SELECT a."Id" FROM "LicenseActivations" AS a
        WHERE a."LicenseId" = @id AND a."IsDevelopment" AND a."Domain" = @domain
        LIMIT 1
        """;

    // A self-service deactivation, the license row first (as TakeSlot and GiveBackSlot): gives the
    // slot back (@release is 1 for a production environment, 0 for a development one), only while
    // the key is not revoked and the environment is still on its allow-list. The row stays locked
    // until the transaction ends, so the allowance count that follows cannot race another call.
    public const string LockForDeactivation = """
        UPDATE "Licenses" SET "ActivationsUsed" = "ActivationsUsed" - @release
        WHERE "Id" = @id AND "RevokedAt" IS NULL
          AND EXISTS (SELECT 1 FROM "LicenseActivations" AS a WHERE a."Id" = @environment AND a."LicenseId" = @id)
        RETURNING "ActivationsUsed", "MaxActivations", "DeactivationsAllowed", "DeactivationsPer30Days"
        """;

    // Self-service deactivations since the start of the allowance's window (index (LicenseId, At)).
    public static readonly string CountDeactivations = $"""
        SELECT COUNT(*) FROM "LicenseEvents"
        WHERE "LicenseId" = @id AND "Kind" = {(int)LicenseEventKind.Deactivated} AND "At" >= @since
        """;

    // A bulk import (LicenseImport): the rows come as one JSON parameter (JsonRowSet); a key already
    // on the site, or earlier in the import, is left out and missing from what the statement returns.
    // A license row: key, customer id, email, product, product id, expiry, max, used, match rule, revoked (1/0), suspended (1/0).
    public static string ImportLicenses(DatabaseProvider provider)
    {
        string C(int index, string type = "text") => JsonRowSet.Column(provider, index, type);
        return $"""
            INSERT INTO "Licenses" ("Key", "CustomerId", "CustomerEmail", "ProductName", "ProductId", "IssuedAt", "ExpiresOn",
                "MaxActivations", "ActivationsUsed", "MatchBy", "RevokedAt", "RevokedBy", "RevocationReason",
                "SuspendedAt", "SuspendedBy", "SuspensionReason", "DevelopmentSitesFree", "DeactivationsAllowed", "DeactivationsPer30Days")
            SELECT {C(0)}, {C(1)}, {C(2)}, {C(3)}, {C(4, "integer")}, @now, {C(5, "date")}, {C(6, "integer")}, {C(7, "integer")}, {C(8, "integer")},
                CASE WHEN {C(9, "integer")} = 1 THEN @now END, CASE WHEN {C(9, "integer")} = 1 THEN @actor END, CASE WHEN {C(9, "integer")} = 1 THEN @revokedReason END,
                CASE WHEN {C(10, "integer")} = 1 THEN @now END, CASE WHEN {C(10, "integer")} = 1 THEN @actor END, CASE WHEN {C(10, "integer")} = 1 THEN @suspendedReason END,
                TRUE, TRUE, 3
            FROM {JsonRowSet.Table(provider, "@rows")} WHERE TRUE
            ON CONFLICT ("Key") DO NOTHING
            RETURNING "Id", "Key"
            """;
    }

    // An environment row: license id, domain, IP.
    public static string ImportActivations(DatabaseProvider provider) => $"""
        INSERT INTO "LicenseActivations" ("LicenseId", "Domain", "Ip", "FirstSeenAt", "LastSeenAt")
        SELECT {JsonRowSet.Column(provider, 0, "integer")}, {JsonRowSet.Column(provider, 1)}, {JsonRowSet.Column(provider, 2)}, @now, @now
        FROM {JsonRowSet.Table(provider, "@rows")}
        """;

    // An event row: license id, kind, detail.
    public static string ImportEvents(DatabaseProvider provider) => $"""
        INSERT INTO "LicenseEvents" ("LicenseId", "At", "Kind", "Actor", "Detail")
        SELECT {JsonRowSet.Column(provider, 0, "integer")}, @now, {JsonRowSet.Column(provider, 1, "integer")}, @actor, {JsonRowSet.Column(provider, 2)}
        FROM {JsonRowSet.Table(provider, "@rows")}
        """;

    public const string InsertEvent = """
        INSERT INTO "LicenseEvents" ("LicenseId", "At", "Kind", "Actor", "Detail") VALUES (@id, @now, @kind, @actor, @detail)
        """;

    // Only rows not yet revoked change: revoking twice keeps the first who, when and why.
    public const string RevokeById = """
        UPDATE "Licenses" SET "RevokedAt" = @now, "RevokedBy" = @actor, "RevocationReason" = @reason
        WHERE "Id" = @id AND "RevokedAt" IS NULL
        RETURNING "Id"
        """;

    public const string RevokeByOrder = """
        UPDATE "Licenses" SET "RevokedAt" = @now, "RevokedBy" = @actor, "RevocationReason" = @reason
        WHERE "OrderNumber" = @order AND "RevokedAt" IS NULL
        RETURNING "Id"
        """;

    // The license row first, as the Verify API takes a slot, so that both lock in the same order.
    // A development environment used no slot: removing it leaves Activations Used as it is.
    public const string GiveBackSlot = """
        UPDATE "Licenses" SET "ActivationsUsed" = "ActivationsUsed"
            - CASE WHEN EXISTS (SELECT 1 FROM "LicenseActivations" AS a WHERE a."Id" = @environment AND a."LicenseId" = @id AND NOT a."IsDevelopment") THEN 1 ELSE 0 END
        WHERE "Id" = @id AND "RevokedAt" IS NULL
          AND EXISTS (SELECT 1 FROM "LicenseActivations" AS a WHERE a."Id" = @environment AND a."LicenseId" = @id)
        RETURNING "ActivationsUsed"
        """;

    public const string RemoveEnvironment = """
        DELETE FROM "LicenseActivations" WHERE "Id" = @environment AND "LicenseId" = @id
        RETURNING "Domain", "Ip", "IsDevelopment"
        """;

    // Only from the value the admin saw, only while not revoked, never below Activations Used.
    public const string ChangeMax = """
        UPDATE "Licenses" SET "MaxActivations" = @max
        WHERE "Id" = @id AND "RevokedAt" IS NULL AND "MaxActivations" = @old AND (@max = 0 OR "ActivationsUsed" <= @max)
        RETURNING "Id"
        """;

    // SQLite keeps no statistics of its own, so its planner takes any usable index for a filter
    // and sorts what it finds: quick for a few matches, slow for most of the table (the Active
    // filter sorted 100,000 ids). When the matches are many, the page query tells SQLite to read in
    // list order instead and stop at the page. PostgreSQL decides from its statistics.
    public const string ReadInIdOrder = """SELECT * FROM "Licenses" NOT INDEXED""";
    public const string ReadInExpiryOrder = """SELECT * FROM "Licenses" INDEXED BY "IX_Licenses_ExpirySort" """;

    #region License lifecycle, the admin's side: suspend, reinstate, bulk actions

    // Each is limited to a set of ids ({0}: LicenseIdSet.Filtered, the "Id" in the set) and changes only
    // the rows the action applies to, returning their ids: one statement for one key or for 10,000.
    public const string SuspendIds = """
        UPDATE "Licenses" SET "SuspendedAt" = @now, "SuspendedBy" = @actor, "SuspensionReason" = @reason
        WHERE {0} AND "RevokedAt" IS NULL AND "SuspendedAt" IS NULL
        RETURNING "Id"
        """;

    public const string ReinstateIds = """
        UPDATE "Licenses" SET "SuspendedAt" = NULL, "SuspendedBy" = NULL, "SuspensionReason" = NULL
        WHERE {0} AND "RevokedAt" IS NULL AND "SuspendedAt" IS NOT NULL
        RETURNING "Id"
        """;

    // Revocation of a set (bulk Revoke), the same rule as RevokeById: the first who, when and why stay.
    public const string RevokeIds = """
        UPDATE "Licenses" SET "RevokedAt" = @now, "RevokedBy" = @actor, "RevocationReason" = @reason
        WHERE {0} AND "RevokedAt" IS NULL
        RETURNING "Id"
        """;

    // One history entry per id of the set, in one statement.
    public const string InsertEvents = """
        INSERT INTO "LicenseEvents" ("LicenseId", "At", "Kind", "Actor", "Detail")
        SELECT ids."Id", @now, @kind, @actor, @detail FROM {0} AS ids
        """;

    #endregion

    #region The admin dashboard: counts per store day ({0} is StoreDaySet.Sql; "Day" 0 is the first day)

    // Each day is its own index range count (a scalar subquery per day), so the database counts the index
    // and never walks the table once per day, whichever order its planner would choose for a join.

    /// <summary>Keys issued (or imported) per day, whatever they became since.</summary>
    public const string IssuedPerDay = """
        SELECT d."Day", (SELECT COUNT(*) FROM "Licenses" AS l WHERE l."IssuedAt" >= d."Start" AND l."IssuedAt" < d."End")
        FROM {0} AS d
        """;

    /// <summary>New environments Verify put on an allow-list per day (their history entries stay when an environment is removed).</summary>
    public static readonly string ActivatedPerDay = $$"""
        SELECT d."Day", (SELECT COUNT(*) FROM "LicenseEvents" AS e WHERE e."Kind" = {{(int)LicenseEventKind.Activated}} AND e."At" >= d."Start" AND e."At" < d."End")
        FROM {0} AS d
        """;

    #endregion
}
