using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CP.Licensing.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LicenseTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LicenseIssuedTallies",
                columns: table => new
                {
                    Quarter = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicenseIssuedTallies", x => x.Quarter);
                });

            migrationBuilder.CreateTable(
                name: "LicenseTallies",
                columns: table => new
                {
                    State = table.Column<int>(type: "integer", nullable: false),
                    ExpirySort = table.Column<DateOnly>(type: "date", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicenseTallies", x => new { x.State, x.ExpirySort });
                });

            // Keys near their limit (LicenseListQuery.NearLimit): a partial index that holds only them, keyed by
            // the card's order (fullest first: the ratio as EF writes it, then Id), so the card's first ten
            // and the counts are a few index entries whatever PostgreSQL estimates of the condition (it
            // cannot, and planned a parallel sort). An expression index, so written here, not in the model.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Licenses_NearLimit" ON "Licenses" (("ActivationsUsed"::double precision / "MaxActivations"::double precision), "Id")
                WHERE "RevokedAt" IS NULL AND "MaxActivations" > 0 AND "ActivationsUsed" * 100 >= "MaxActivations" * 80;
                """);

            // The tallies are kept by triggers, in the statement that changes a license, whichever code
            // wrote it (EF, the hand-written revoke/suspend/import statements): docs/architecture.md,
            // "Counts at scale". State: 2 revoked, 1 suspended, 0 neither; expiry 9999-12-31 for Lifetime.
            // An INSERT statement is tallied once (its transition table, grouped: an import adds a few rows,
            // not one per key); an UPDATE of the status columns or a DELETE row by row. Rows are locked in
            // key order. The rows there are now are counted once, here.
            migrationBuilder.Sql("""
                INSERT INTO "LicenseTallies" ("State", "ExpirySort", "Count")
                SELECT CASE WHEN "RevokedAt" IS NOT NULL THEN 2 WHEN "SuspendedAt" IS NOT NULL THEN 1 ELSE 0 END, coalesce("ExpiresOn", DATE '9999-12-31'), COUNT(*)
                FROM "Licenses" GROUP BY 1, 2;
                INSERT INTO "LicenseIssuedTallies" ("Quarter", "Count")
                SELECT floor(extract(epoch FROM "IssuedAt") / 900)::bigint, COUNT(*) FROM "Licenses" GROUP BY 1;

                CREATE FUNCTION "Licenses_tally_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "LicenseTallies" ("State", "ExpirySort", "Count")
                    SELECT CASE WHEN n."RevokedAt" IS NOT NULL THEN 2 WHEN n."SuspendedAt" IS NOT NULL THEN 1 ELSE 0 END, coalesce(n."ExpiresOn", DATE '9999-12-31'), COUNT(*)
                    FROM new_licenses AS n GROUP BY 1, 2 ORDER BY 1, 2
                    ON CONFLICT ("State", "ExpirySort") DO UPDATE SET "Count" = "LicenseTallies"."Count" + EXCLUDED."Count";
                    INSERT INTO "LicenseIssuedTallies" ("Quarter", "Count")
                    SELECT floor(extract(epoch FROM n."IssuedAt") / 900)::bigint, COUNT(*) FROM new_licenses AS n GROUP BY 1 ORDER BY 1
                    ON CONFLICT ("Quarter") DO UPDATE SET "Count" = "LicenseIssuedTallies"."Count" + EXCLUDED."Count";
                    RETURN NULL;
                END $$;

                CREATE FUNCTION "Licenses_tally_change"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        UPDATE "LicenseTallies" SET "Count" = "Count" - 1
                        WHERE "State" = CASE WHEN OLD."RevokedAt" IS NOT NULL THEN 2 WHEN OLD."SuspendedAt" IS NOT NULL THEN 1 ELSE 0 END
                          AND "ExpirySort" = coalesce(OLD."ExpiresOn", DATE '9999-12-31');
                    END IF;
                    IF TG_OP = 'UPDATE' THEN
                        INSERT INTO "LicenseTallies" ("State", "ExpirySort", "Count")
                        VALUES (CASE WHEN NEW."RevokedAt" IS NOT NULL THEN 2 WHEN NEW."SuspendedAt" IS NOT NULL THEN 1 ELSE 0 END, coalesce(NEW."ExpiresOn", DATE '9999-12-31'), 1)
                        ON CONFLICT ("State", "ExpirySort") DO UPDATE SET "Count" = "LicenseTallies"."Count" + 1;
                    END IF;
                    IF TG_OP = 'DELETE' THEN
                        UPDATE "LicenseIssuedTallies" SET "Count" = "Count" - 1 WHERE "Quarter" = floor(extract(epoch FROM OLD."IssuedAt") / 900)::bigint;
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION "Licenses_issued_tally_change"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "LicenseIssuedTallies" SET "Count" = "Count" - 1 WHERE "Quarter" = floor(extract(epoch FROM OLD."IssuedAt") / 900)::bigint;
                    INSERT INTO "LicenseIssuedTallies" ("Quarter", "Count") VALUES (floor(extract(epoch FROM NEW."IssuedAt") / 900)::bigint, 1)
                    ON CONFLICT ("Quarter") DO UPDATE SET "Count" = "LicenseIssuedTallies"."Count" + 1;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER "TR_Licenses_Tally_Insert" AFTER INSERT ON "Licenses"
                    REFERENCING NEW TABLE AS new_licenses FOR EACH STATEMENT EXECUTE FUNCTION "Licenses_tally_insert"();
                CREATE TRIGGER "TR_Licenses_Tally_Delete" AFTER DELETE ON "Licenses"
                    FOR EACH ROW EXECUTE FUNCTION "Licenses_tally_change"();
                CREATE TRIGGER "TR_Licenses_Tally_Update" AFTER UPDATE OF "RevokedAt", "SuspendedAt", "ExpiresOn" ON "Licenses"
                    FOR EACH ROW
                    WHEN ((OLD."RevokedAt" IS NULL) <> (NEW."RevokedAt" IS NULL) OR (OLD."SuspendedAt" IS NULL) <> (NEW."SuspendedAt" IS NULL) OR OLD."ExpiresOn" IS DISTINCT FROM NEW."ExpiresOn")
                    EXECUTE FUNCTION "Licenses_tally_change"();
                CREATE TRIGGER "TR_Licenses_IssuedTally_Update" AFTER UPDATE OF "IssuedAt" ON "Licenses"
                    FOR EACH ROW WHEN (OLD."IssuedAt" IS DISTINCT FROM NEW."IssuedAt")
                    EXECUTE FUNCTION "Licenses_issued_tally_change"();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "TR_Licenses_Tally_Insert" ON "Licenses";
                DROP TRIGGER "TR_Licenses_Tally_Delete" ON "Licenses";
                DROP TRIGGER "TR_Licenses_Tally_Update" ON "Licenses";
                DROP TRIGGER "TR_Licenses_IssuedTally_Update" ON "Licenses";
                DROP FUNCTION "Licenses_tally_insert"();
                DROP FUNCTION "Licenses_tally_change"();
                DROP FUNCTION "Licenses_issued_tally_change"();
                """);

            migrationBuilder.DropTable(
                name: "LicenseIssuedTallies");

            migrationBuilder.DropTable(
                name: "LicenseTallies");

            migrationBuilder.DropIndex(
                name: "IX_Licenses_NearLimit",
                table: "Licenses");
        }
    }
}
