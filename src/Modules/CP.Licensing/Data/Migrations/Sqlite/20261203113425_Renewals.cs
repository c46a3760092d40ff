using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CP.Licensing.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Renewals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "RenewalEnabled",
                table: "PlanLicensingSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RenewalPrice",
                table: "PlanLicensingSettings",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LicenseRenewals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LicenseId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PreviousExpiry = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NewExpiry = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidityUnit = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidityValue = table.Column<int>(type: "INTEGER", nullable: false),
                    RenewedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RefundedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicenseRenewals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LicenseRenewals_Licenses_LicenseId",
                        column: x => x.LicenseId,
                        principalTable: "Licenses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LicenseRenewals_LicenseId",
                table: "LicenseRenewals",
                column: "LicenseId");

            migrationBuilder.CreateIndex(
                name: "IX_LicenseRenewals_OrderNumber_LineNumber",
                table: "LicenseRenewals",
                columns: new[] { "OrderNumber", "LineNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LicenseRenewals");

            migrationBuilder.DropColumn(
                name: "RenewalEnabled",
                table: "PlanLicensingSettings");

            migrationBuilder.DropColumn(
                name: "RenewalPrice",
                table: "PlanLicensingSettings");
        }
    }
}
