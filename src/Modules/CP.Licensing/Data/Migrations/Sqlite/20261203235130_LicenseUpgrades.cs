using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CP.Licensing.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LicenseUpgrades : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_Licenses_ActivationsUsed",
                table: "Licenses");

            migrationBuilder.CreateTable(
                name: "LicenseUpgrades",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LicenseId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    FromPlanId = table.Column<int>(type: "INTEGER", nullable: true),
                    ToPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromProductName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FromMaxActivations = table.Column<int>(type: "INTEGER", nullable: false),
                    FromMatchBy = table.Column<int>(type: "INTEGER", nullable: false),
                    FromDevelopmentSitesFree = table.Column<bool>(type: "INTEGER", nullable: false),
                    FromDeactivationsAllowed = table.Column<bool>(type: "INTEGER", nullable: false),
                    FromDeactivationsPer30Days = table.Column<int>(type: "INTEGER", nullable: false),
                    FromExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpgradedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RefundedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicenseUpgrades", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LicenseUpgrades_Licenses_LicenseId",
                        column: x => x.LicenseId,
                        principalTable: "Licenses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_Licenses_ActivationsUsed",
                table: "Licenses",
                sql: "\"ActivationsUsed\" >= 0");

            migrationBuilder.CreateIndex(
                name: "IX_LicenseUpgrades_LicenseId",
                table: "LicenseUpgrades",
                column: "LicenseId");

            migrationBuilder.CreateIndex(
                name: "IX_LicenseUpgrades_OrderNumber_LineNumber",
                table: "LicenseUpgrades",
                columns: new[] { "OrderNumber", "LineNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LicenseUpgrades");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Licenses_ActivationsUsed",
                table: "Licenses");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Licenses_ActivationsUsed",
                table: "Licenses",
                sql: "\"ActivationsUsed\" >= 0 AND (\"MaxActivations\" = 0 OR \"ActivationsUsed\" <= \"MaxActivations\")");
        }
    }
}
