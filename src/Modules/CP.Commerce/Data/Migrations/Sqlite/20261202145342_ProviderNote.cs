using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CP.Commerce.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProviderNote : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProviderNote",
                table: "Orders",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProviderNote",
                table: "Orders");
        }
    }
}
