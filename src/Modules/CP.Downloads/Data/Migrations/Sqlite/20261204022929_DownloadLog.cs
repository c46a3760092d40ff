using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CP.Downloads.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DownloadLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Downloads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReleaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    LicenseId = table.Column<int>(type: "INTEGER", nullable: true),
                    MaskedKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CustomerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 45, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    IsPartial = table.Column<bool>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Downloads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Downloads_Releases_ReleaseId",
                        column: x => x.ReleaseId,
                        principalTable: "Releases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Downloads_LicenseId_Id",
                table: "Downloads",
                columns: new[] { "LicenseId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Downloads_ReleaseId_Id",
                table: "Downloads",
                columns: new[] { "ReleaseId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Downloads");
        }
    }
}
