using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CP.Licensing.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_LicenseEvents_Kind_At",
                table: "LicenseEvents",
                columns: new[] { "Kind", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LicenseEvents_Kind_At",
                table: "LicenseEvents");
        }
    }
}
