using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CP.Commerce.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProductSummary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Summary",
                table: "Products",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Summary",
                table: "Products");
        }
    }
}
