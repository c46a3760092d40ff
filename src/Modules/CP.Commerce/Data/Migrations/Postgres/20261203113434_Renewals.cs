using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CP.Commerce.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Renewals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "OrderLines",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LicenseId",
                table: "OrderLines",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RenewsKey",
                table: "OrderLines",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RenewsUntil",
                table: "OrderLines",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "LicenseId",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "RenewsKey",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "RenewsUntil",
                table: "OrderLines");
        }
    }
}
