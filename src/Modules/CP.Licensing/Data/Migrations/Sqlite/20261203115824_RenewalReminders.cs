using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CP.Licensing.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RenewalReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReminderOptOuts",
                columns: table => new
                {
                    CustomerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderOptOuts", x => x.CustomerId);
                });

            migrationBuilder.CreateTable(
                name: "RenewalReminders",
                columns: table => new
                {
                    LicenseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OffsetDays = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenewalReminders", x => new { x.LicenseId, x.ExpiresOn, x.OffsetDays });
                    table.ForeignKey(
                        name: "FK_RenewalReminders_Licenses_LicenseId",
                        column: x => x.LicenseId,
                        principalTable: "Licenses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReminderOptOuts");

            migrationBuilder.DropTable(
                name: "RenewalReminders");
        }
    }
}
