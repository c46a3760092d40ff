using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CP.Licensing.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LicensePages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Licenses_CustomerEmail",
                table: "Licenses");

            migrationBuilder.DropIndex(
                name: "IX_Licenses_ProductName",
                table: "Licenses");

            migrationBuilder.DropIndex(
                name: "IX_Licenses_RevokedAt_ExpiresOn",
                table: "Licenses");

            migrationBuilder.AlterColumn<string>(
                name: "Key",
                table: "Licenses",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExpirySort",
                table: "Licenses",
                type: "date",
                nullable: false,
                computedColumnSql: "coalesce(\"ExpiresOn\", DATE '9999-12-31')",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "KeyGroup1",
                table: "Licenses",
                type: "text",
                nullable: true,
                computedColumnSql: "left(right(\"Key\", 34), 6)",
                stored: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "KeyGroup2",
                table: "Licenses",
                type: "text",
                nullable: true,
                computedColumnSql: "left(right(\"Key\", 27), 6)",
                stored: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "KeyGroup3",
                table: "Licenses",
                type: "text",
                nullable: true,
                computedColumnSql: "left(right(\"Key\", 20), 6)",
                stored: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "KeyGroup4",
                table: "Licenses",
                type: "text",
                nullable: true,
                computedColumnSql: "left(right(\"Key\", 13), 6)",
                stored: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "KeyGroup5",
                table: "Licenses",
                type: "text",
                nullable: true,
                computedColumnSql: "left(right(\"Key\", 6), 6)",
                stored: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "SearchEmail",
                table: "Licenses",
                type: "text",
                nullable: true,
                computedColumnSql: "upper(\"CustomerEmail\" COLLATE \"C\")",
                stored: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "SearchProduct",
                table: "Licenses",
                type: "text",
                nullable: true,
                computedColumnSql: "upper(\"ProductName\" COLLATE \"C\")",
                stored: true,
                collation: "C");

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_ExpirySort",
                table: "Licenses",
                column: "ExpirySort");

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_KeyGroup1",
                table: "Licenses",
                column: "KeyGroup1");

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_KeyGroup2",
                table: "Licenses",
                column: "KeyGroup2");

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_KeyGroup3",
                table: "Licenses",
                column: "KeyGroup3");

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_KeyGroup4",
                table: "Licenses",
                column: "KeyGroup4");

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_KeyGroup5",
                table: "Licenses",
                column: "KeyGroup5");

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_RevokedAt_ExpirySort",
                table: "Licenses",
                columns: new[] { "RevokedAt", "ExpirySort" });

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_SearchEmail",
                table: "Licenses",
                column: "SearchEmail");

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_SearchProduct",
                table: "Licenses",
                column: "SearchProduct");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Licenses_ExpirySort",
                table: "Licenses");

            migrationBuilder.DropIndex(
                name: "IX_Licenses_KeyGroup1",
                table: "Licenses");

            migrationBuilder.DropIndex(
                name: "IX_Licenses_KeyGroup2",
                table: "Licenses");

            migrationBuilder.DropIndex(
                name: "IX_Licenses_KeyGroup3",
                table: "Licenses");

            migrationBuilder.DropIndex(
                name: "IX_Licenses_KeyGroup4",
                table: "Licenses");

            migrationBuilder.DropIndex(
                name: "IX_Licenses_KeyGroup5",
                table: "Licenses");

            migrationBuilder.DropIndex(
                name: "IX_Licenses_RevokedAt_ExpirySort",
                table: "Licenses");

            migrationBuilder.DropIndex(
                name: "IX_Licenses_SearchEmail",
                table: "Licenses");

            migrationBuilder.DropIndex(
                name: "IX_Licenses_SearchProduct",
                table: "Licenses");

            migrationBuilder.DropColumn(
                name: "ExpirySort",
                table: "Licenses");

            migrationBuilder.DropColumn(
                name: "KeyGroup1",
                table: "Licenses");

            migrationBuilder.DropColumn(
                name: "KeyGroup2",
                table: "Licenses");

            migrationBuilder.DropColumn(
                name: "KeyGroup3",
                table: "Licenses");

            migrationBuilder.DropColumn(
                name: "KeyGroup4",
                table: "Licenses");

            migrationBuilder.DropColumn(
                name: "KeyGroup5",
                table: "Licenses");

            migrationBuilder.DropColumn(
                name: "SearchEmail",
                table: "Licenses");

            migrationBuilder.DropColumn(
                name: "SearchProduct",
                table: "Licenses");

            migrationBuilder.AlterColumn<string>(
                name: "Key",
                table: "Licenses",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldCollation: "C");

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_CustomerEmail",
                table: "Licenses",
                column: "CustomerEmail");

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_ProductName",
                table: "Licenses",
                column: "ProductName");

            migrationBuilder.CreateIndex(
                name: "IX_Licenses_RevokedAt_ExpiresOn",
                table: "Licenses",
                columns: new[] { "RevokedAt", "ExpiresOn" });
        }
    }
}
