using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sentra.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CatalogSortKeysPriceOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CatalogEntries_SortKeys",
                table: "CatalogEntries");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogEntries_SortKeys",
                table: "CatalogEntries",
                columns: new[] { "ProductId", "PriceRp" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CatalogEntries_SortKeys",
                table: "CatalogEntries");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogEntries_SortKeys",
                table: "CatalogEntries",
                columns: new[] { "ProductId", "PriceRp", "NameKey" });
        }
    }
}
