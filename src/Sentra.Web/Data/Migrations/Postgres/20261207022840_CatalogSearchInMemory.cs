using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sentra.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CatalogSearchInMemory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Decision 14: searches filter, count and order in memory (CatalogTable) and ask the full-text
            // index only which entries hold a word. The halal-only GIN index and its column are no longer
            // read; CatalogStates holds the entries' version.
            migrationBuilder.Sql(CatalogHalalIndex.WriteVectorsWithoutHalal);
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_CatalogVectors_SearchVector_Halal";
                ALTER TABLE "CatalogVectors" DROP COLUMN IF EXISTS "Halal";
                """);
            migrationBuilder.CreateTable(
                name: "CatalogStates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
            migrationBuilder.Sql("""
                ALTER TABLE "CatalogVectors" ADD COLUMN "Halal" boolean NOT NULL DEFAULT false;
                UPDATE "CatalogVectors" v SET "Halal" = true FROM "CatalogEntries" e WHERE e."ProductId" = v."ProductId" AND e."HalalStatus" = 3;
                CREATE INDEX "IX_CatalogVectors_SearchVector_Halal" ON "CatalogVectors" USING gin ("SearchVector") WHERE "Halal";
                """);
            migrationBuilder.Sql(CatalogHalalIndex.WriteVectors);
        }
    }
}
