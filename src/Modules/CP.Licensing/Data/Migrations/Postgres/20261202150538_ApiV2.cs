using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CP.Licensing.Data.Migrations.Postgres
{
    /// <inheritdoc />
    /// <summary>API v2: product scope, suspension, development environments, deactivation allowance, refused environments. Existing keys and plans get the defaults (development sites free, 3 deactivations in 30 days).</summary>
    public partial class ApiV2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DeactivationsAllowed",
                table: "PlanLicensingSettings",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "DeactivationsPer30Days",
                table: "PlanLicensingSettings",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<bool>(
                name: "DevelopmentSitesFree",
                table: "PlanLicensingSettings",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "DeactivationsAllowed",
                table: "Licenses",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "DeactivationsPer30Days",
                table: "Licenses",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<bool>(
                name: "DevelopmentSitesFree",
                table: "Licenses",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LimitNoticeSentOn",
                table: "Licenses",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProductId",
                table: "Licenses",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SuspendedAt",
                table: "Licenses",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspendedBy",
                table: "Licenses",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspensionReason",
                table: "Licenses",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsDevelopment",
                table: "LicenseActivations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "RefusedEnvironments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LicenseId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    Ip = table.Column<string>(type: "character varying(45)", maxLength: 45, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RefusedEnvironments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RefusedEnvironments_Licenses_LicenseId",
                        column: x => x.LicenseId,
                        principalTable: "Licenses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_PlanLicensingSettings_DeactivationsPer30Days",
                table: "PlanLicensingSettings",
                sql: "\"DeactivationsPer30Days\" >= 0");

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_ProductId",
                table: "Licenses",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_SuspendedAt",
                table: "Licenses",
                column: "SuspendedAt");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Licenses_DeactivationsPer30Days",
                table: "Licenses",
                sql: "\"DeactivationsPer30Days\" >= 0");

            migrationBuilder.CreateIndex(
                name: "IX_RefusedEnvironments_LicenseId_Day_Domain",
                table: "RefusedEnvironments",
                columns: new[] { "LicenseId", "Day", "Domain" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RefusedEnvironments");

            migrationBuilder.DropCheckConstraint(
                name: "CK_PlanLicensingSettings_DeactivationsPer30Days",
                table: "PlanLicensingSettings");

            migrationBuilder.DropIndex(
                name: "IX_Licenses_ProductId",
                table: "Licenses");

            migrationBuilder.DropIndex(
                name: "IX_Licenses_SuspendedAt",
                table: "Licenses");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Licenses_DeactivationsPer30Days",
                table: "Licenses");

            migrationBuilder.DropColumn(
                name: "DeactivationsAllowed",
                table: "PlanLicensingSettings");

            migrationBuilder.DropColumn(
                name: "DeactivationsPer30Days",
                table: "PlanLicensingSettings");

            migrationBuilder.DropColumn(
                name: "DevelopmentSitesFree",
                table: "PlanLicensingSettings");

            migrationBuilder.DropColumn(
                name: "DeactivationsAllowed",
                table: "Licenses");

            migrationBuilder.DropColumn(
                name: "DeactivationsPer30Days",
                table: "Licenses");

            migrationBuilder.DropColumn(
                name: "DevelopmentSitesFree",
                table: "Licenses");

            migrationBuilder.DropColumn(
                name: "LimitNoticeSentOn",
                table: "Licenses");

            migrationBuilder.DropColumn(
                name: "ProductId",
                table: "Licenses");

            migrationBuilder.DropColumn(
                name: "SuspendedAt",
                table: "Licenses");

            migrationBuilder.DropColumn(
                name: "SuspendedBy",
                table: "Licenses");

            migrationBuilder.DropColumn(
                name: "SuspensionReason",
                table: "Licenses");

            migrationBuilder.DropColumn(
                name: "IsDevelopment",
                table: "LicenseActivations");
        }
    }
}
