using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CP.Payments.Stripe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StripeCheckoutSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    PaymentIntentId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StripeCheckoutSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StripeEvents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PaymentIntentId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StripeEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StripeCheckoutSessions_OrderNumber_Attempt",
                table: "StripeCheckoutSessions",
                columns: new[] { "OrderNumber", "Attempt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StripeCheckoutSessions_PaymentIntentId",
                table: "StripeCheckoutSessions",
                column: "PaymentIntentId");

            migrationBuilder.CreateIndex(
                name: "IX_StripeEvents_PaymentIntentId_Outcome",
                table: "StripeEvents",
                columns: new[] { "PaymentIntentId", "Outcome" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StripeCheckoutSessions");

            migrationBuilder.DropTable(
                name: "StripeEvents");
        }
    }
}
