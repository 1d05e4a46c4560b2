using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sentra.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CatalogEntriesWithoutSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CatalogEntries_NameKey",
                table: "CatalogEntries");

            migrationBuilder.DropIndex(
                name: "IX_CatalogEntries_PriceRp",
                table: "CatalogEntries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CatalogEntries_NameKey",
                table: "CatalogEntries",
                column: "NameKey");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogEntries_PriceRp",
                table: "CatalogEntries",
                column: "PriceRp");
        }
    }
}
