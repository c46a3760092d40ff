using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CP.Licensing.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ExpiryOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Licenses_ExpirySort",
                table: "Licenses");

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_ExpirySort",
                table: "Licenses",
                columns: new[] { "ExpirySort", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Licenses_ExpirySort",
                table: "Licenses");

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_ExpirySort",
                table: "Licenses",
                column: "ExpirySort");
        }
    }
}
