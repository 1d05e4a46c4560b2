using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sentra.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CatalogSearchInMemory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Decision 14: searches filter, count and order in memory (CatalogTable) and ask the full-text
            // index only which entries hold a word. The halal-only index and the narrow price index that
            // counted price-filtered matches are no longer read; CatalogStates holds the entries' version.
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS catalog_fts_halal_insert;
                DROP TRIGGER IF EXISTS catalog_fts_halal_delete;
                DROP TRIGGER IF EXISTS catalog_fts_halal_update;
                DROP TABLE IF EXISTS catalog_fts_halal;
                """);
            migrationBuilder.DropIndex(
                name: "IX_CatalogEntries_SortKeys",
                table: "CatalogEntries");

            migrationBuilder.CreateTable(
                name: "CatalogStates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogStates", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "CatalogStates",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CatalogStates");
            migrationBuilder.Sql(CatalogHalalIndex.CreateHalalIndex);

            migrationBuilder.CreateIndex(
                name: "IX_CatalogEntries_SortKeys",
                table: "CatalogEntries",
                columns: new[] { "ProductId", "PriceRp" });
        }
    }
}
