using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sentra.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CatalogSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CatalogEntries",
                columns: table => new
                {
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    BusinessId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    BusinessName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PriceRp = table.Column<long>(type: "bigint", nullable: false),
                    HalalStatus = table.Column<int>(type: "integer", nullable: false),
                    Availability = table.Column<int>(type: "integer", nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PhotoId = table.Column<int>(type: "integer", nullable: true),
                    SearchText = table.Column<string>(type: "character varying(12000)", maxLength: 12000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogEntries", x => x.ProductId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogEntries_BusinessId",
                table: "CatalogEntries",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogEntries_Category",
                table: "CatalogEntries",
                column: "Category");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogEntries_DistrictCode",
                table: "CatalogEntries",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogEntries_Name",
                table: "CatalogEntries",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogEntries_PriceRp",
                table: "CatalogEntries",
                column: "PriceRp");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogEntries_UpdatedAt",
                table: "CatalogEntries",
                column: "UpdatedAt");
            // Full-text index: every text as plain words (prefix search, spelling vocabulary) and as
            // Indonesian and English stems; names alone in a second vector, so name matches can come
            // first. Generated columns: the application never writes them and every instance sees one index.
            migrationBuilder.Sql("""
                ALTER TABLE "CatalogEntries" ADD COLUMN "NameVector" tsvector GENERATED ALWAYS AS (
                    to_tsvector('simple', coalesce("Name", '') || ' ' || coalesce("NameEn", ''))
                    || to_tsvector('indonesian', coalesce("Name", ''))
                    || to_tsvector('english', coalesce("NameEn", ''))
                ) STORED;
                """);
            migrationBuilder.Sql("""
                ALTER TABLE "CatalogEntries" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    to_tsvector('simple', coalesce("Name", '') || ' ' || coalesce("NameEn", '') || ' ' || coalesce("BusinessName", '') || ' ' || coalesce("SearchText", ''))
                    || to_tsvector('indonesian', coalesce("Name", '') || ' ' || coalesce("SearchText", ''))
                    || to_tsvector('english', coalesce("NameEn", '') || ' ' || coalesce("SearchText", ''))
                ) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_CatalogEntries_NameVector" ON "CatalogEntries" USING GIN ("NameVector");""");
            migrationBuilder.Sql("""CREATE INDEX "IX_CatalogEntries_SearchVector" ON "CatalogEntries" USING GIN ("SearchVector");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CatalogEntries");
        }
    }
}
