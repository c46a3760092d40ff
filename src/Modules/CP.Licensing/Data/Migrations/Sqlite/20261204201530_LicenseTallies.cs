using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CP.Licensing.Data.Migrations.Sqlite
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
                    Quarter = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicenseIssuedTallies", x => x.Quarter);
                });

            migrationBuilder.CreateTable(
                name: "LicenseTallies",
                columns: table => new
                {
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpirySort = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicenseTallies", x => new { x.State, x.ExpirySort });
                });

            // Keys near their limit (LicenseListQuery.NearLimit): a partial index that holds only them, keyed by
            // the card's order (fullest first: the ratio as EF writes it, then Id), so the card's first ten
            // and the counts are a few index entries. An expression index, so written here, not in the model.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Licenses_NearLimit" ON "Licenses" ((CAST("ActivationsUsed" AS REAL) / CAST("MaxActivations" AS REAL)), "Id")
                WHERE "RevokedAt" IS NULL AND "MaxActivations" > 0 AND "ActivationsUsed" * 100 >= "MaxActivations" * 80;
                """);

            // The tallies are kept by triggers, in the statement that changes a license, whichever code
            // wrote it (EF, the hand-written revoke/suspend/import statements): docs/architecture.md,
            // "Counts at scale". State: 2 revoked, 1 suspended, 0 neither; expiry 9999-12-31 for Lifetime.
            // The rows there are now are counted once, here.
            migrationBuilder.Sql("""
                INSERT INTO "LicenseTallies" ("State", "ExpirySort", "Count")
                SELECT CASE WHEN "RevokedAt" IS NOT NULL THEN 2 WHEN "SuspendedAt" IS NOT NULL THEN 1 ELSE 0 END, coalesce("ExpiresOn", '9999-12-31'), COUNT(*)
                FROM "Licenses" GROUP BY 1, 2;
                INSERT INTO "LicenseIssuedTallies" ("Quarter", "Count")
                SELECT CAST(strftime('%s', "IssuedAt") AS INTEGER) / 900, COUNT(*) FROM "Licenses" GROUP BY 1;

                CREATE TRIGGER "TR_Licenses_Tally_Insert" AFTER INSERT ON "Licenses"
                BEGIN
                    INSERT INTO "LicenseTallies" ("State", "ExpirySort", "Count")
                    VALUES (CASE WHEN NEW."RevokedAt" IS NOT NULL THEN 2 WHEN NEW."SuspendedAt" IS NOT NULL THEN 1 ELSE 0 END, coalesce(NEW."ExpiresOn", '9999-12-31'), 1)
                    ON CONFLICT ("State", "ExpirySort") DO UPDATE SET "Count" = "Count" + 1;
                    INSERT INTO "LicenseIssuedTallies" ("Quarter", "Count")
                    VALUES (CAST(strftime('%s', NEW."IssuedAt") AS INTEGER) / 900, 1)
                    ON CONFLICT ("Quarter") DO UPDATE SET "Count" = "Count" + 1;
                END;

                CREATE TRIGGER "TR_Licenses_Tally_Delete" AFTER DELETE ON "Licenses"
                BEGIN
                    UPDATE "LicenseTallies" SET "Count" = "Count" - 1
                    WHERE "State" = CASE WHEN OLD."RevokedAt" IS NOT NULL THEN 2 WHEN OLD."SuspendedAt" IS NOT NULL THEN 1 ELSE 0 END
                      AND "ExpirySort" = coalesce(OLD."ExpiresOn", '9999-12-31');
                    UPDATE "LicenseIssuedTallies" SET "Count" = "Count" - 1 WHERE "Quarter" = CAST(strftime('%s', OLD."IssuedAt") AS INTEGER) / 900;
                END;

                CREATE TRIGGER "TR_Licenses_Tally_Update" AFTER UPDATE OF "RevokedAt", "SuspendedAt", "ExpiresOn" ON "Licenses"
                WHEN (OLD."RevokedAt" IS NULL) <> (NEW."RevokedAt" IS NULL) OR (OLD."SuspendedAt" IS NULL) <> (NEW."SuspendedAt" IS NULL) OR OLD."ExpiresOn" IS NOT NEW."ExpiresOn"
                BEGIN
                    UPDATE "LicenseTallies" SET "Count" = "Count" - 1
                    WHERE "State" = CASE WHEN OLD."RevokedAt" IS NOT NULL THEN 2 WHEN OLD."SuspendedAt" IS NOT NULL THEN 1 ELSE 0 END
                      AND "ExpirySort" = coalesce(OLD."ExpiresOn", '9999-12-31');
                    INSERT INTO "LicenseTallies" ("State", "ExpirySort", "Count")
                    VALUES (CASE WHEN NEW."RevokedAt" IS NOT NULL THEN 2 WHEN NEW."SuspendedAt" IS NOT NULL THEN 1 ELSE 0 END, coalesce(NEW."ExpiresOn", '9999-12-31'), 1)
                    ON CONFLICT ("State", "ExpirySort") DO UPDATE SET "Count" = "Count" + 1;
                END;

                CREATE TRIGGER "TR_Licenses_IssuedTally_Update" AFTER UPDATE OF "IssuedAt" ON "Licenses"
                WHEN OLD."IssuedAt" IS NOT NEW."IssuedAt"
                BEGIN
                    UPDATE "LicenseIssuedTallies" SET "Count" = "Count" - 1 WHERE "Quarter" = CAST(strftime('%s', OLD."IssuedAt") AS INTEGER) / 900;
                    INSERT INTO "LicenseIssuedTallies" ("Quarter", "Count") VALUES (CAST(strftime('%s', NEW."IssuedAt") AS INTEGER) / 900, 1)
                    ON CONFLICT ("Quarter") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "TR_Licenses_Tally_Insert";
                DROP TRIGGER "TR_Licenses_Tally_Delete";
                DROP TRIGGER "TR_Licenses_Tally_Update";
                DROP TRIGGER "TR_Licenses_IssuedTally_Update";
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
