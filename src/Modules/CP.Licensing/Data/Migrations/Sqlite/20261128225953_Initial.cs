using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CP.Licensing.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Licenses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CustomerEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProductName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitIndex = table.Column<int>(type: "INTEGER", nullable: true),
                    IssuedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MaxActivations = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivationsUsed = table.Column<int>(type: "INTEGER", nullable: false),
                    MatchBy = table.Column<int>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Licenses", x => x.Id);
                    table.CheckConstraint("CK_Licenses_ActivationsUsed", "\"ActivationsUsed\" >= 0 AND (\"MaxActivations\" = 0 OR \"ActivationsUsed\" <= \"MaxActivations\")");
                    table.CheckConstraint("CK_Licenses_MaxActivations", "\"MaxActivations\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "PlanLicensingSettings",
                columns: table => new
                {
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    IssueLicense = table.Column<bool>(type: "INTEGER", nullable: false),
                    ValidityUnit = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidityValue = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxActivations = table.Column<int>(type: "INTEGER", nullable: false),
                    MatchBy = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanLicensingSettings", x => x.PlanId);
                    table.CheckConstraint("CK_PlanLicensingSettings_MaxActivations", "\"MaxActivations\" >= 0");
                    table.CheckConstraint("CK_PlanLicensingSettings_ValidityValue", "\"ValidityValue\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "LicenseActivations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LicenseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    Ip = table.Column<string>(type: "TEXT", maxLength: 45, nullable: false),
                    FirstSeenAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicenseActivations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LicenseActivations_Licenses_LicenseId",
                        column: x => x.LicenseId,
                        principalTable: "Licenses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LicenseEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LicenseId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicenseEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LicenseEvents_Licenses_LicenseId",
                        column: x => x.LicenseId,
                        principalTable: "Licenses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LicenseActivations_LicenseId_Domain_Ip",
                table: "LicenseActivations",
                columns: new[] { "LicenseId", "Domain", "Ip" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LicenseActivations_LicenseId_Ip",
                table: "LicenseActivations",
                columns: new[] { "LicenseId", "Ip" });

            migrationBuilder.CreateIndex(
                name: "IX_LicenseEvents_LicenseId_At",
                table: "LicenseEvents",
                columns: new[] { "LicenseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_CustomerEmail",
                table: "Licenses",
                column: "CustomerEmail");

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_CustomerId",
                table: "Licenses",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_IssuedAt",
                table: "Licenses",
                column: "IssuedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_Key",
                table: "Licenses",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_OrderNumber_LineNumber_UnitIndex",
                table: "Licenses",
                columns: new[] { "OrderNumber", "LineNumber", "UnitIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_ProductName",
                table: "Licenses",
                column: "ProductName");

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_RevokedAt_ExpiresOn",
                table: "Licenses",
                columns: new[] { "RevokedAt", "ExpiresOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LicenseActivations");

            migrationBuilder.DropTable(
                name: "LicenseEvents");

            migrationBuilder.DropTable(
                name: "PlanLicensingSettings");

            migrationBuilder.DropTable(
                name: "Licenses");
        }
    }
}
