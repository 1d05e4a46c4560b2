using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sentra.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CatalogFacets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The search vector gains the facet tokens (filter values and sort buckets, see CatalogFacets);
            // both vectors drop word positions (strip): nothing ranks by them, and rows get far smaller.
            // Entries are derived data: they are emptied here and rebuilt, with their tokens, at start-up.
            migrationBuilder.Sql("DELETE FROM \"CatalogEntries\";");
            // The sort keys and price ride along with the vectors, so a count, a price range or a sort of
            // a bounded set is read from this one table and only the page's rows are joined to their entries.
            migrationBuilder.Sql("""
                ALTER TABLE "CatalogVectors" ADD COLUMN "PriceRp" bigint NOT NULL DEFAULT 0;
                ALTER TABLE "CatalogVectors" ADD COLUMN "NameKey" character varying(100) COLLATE "C" NOT NULL DEFAULT '';
                """);
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION catalog_vectors_write() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  INSERT INTO "CatalogVectors" ("ProductId", "PriceRp", "NameKey", "NameVector", "SearchVector") VALUES (
                    NEW."ProductId", NEW."PriceRp", NEW."NameKey",
                    strip(to_tsvector('simple', coalesce(NEW."Name", '') || ' ' || coalesce(NEW."NameEn", ''))
                      || to_tsvector('indonesian', coalesce(NEW."Name", ''))
                      || to_tsvector('english', coalesce(NEW."NameEn", ''))),
                    strip(to_tsvector('simple', coalesce(NEW."Name", '') || ' ' || coalesce(NEW."NameEn", '') || ' ' || coalesce(NEW."BusinessName", '') || ' ' || coalesce(NEW."SearchText", ''))
                      || to_tsvector('indonesian', coalesce(NEW."Name", '') || ' ' || coalesce(NEW."SearchText", ''))
                      || to_tsvector('english', coalesce(NEW."NameEn", '') || ' ' || coalesce(NEW."SearchText", ''))
                      || array_to_tsvector(array_remove(string_to_array(NEW."Facets", ' '), ''))))
                  ON CONFLICT ("ProductId") DO UPDATE SET "PriceRp" = EXCLUDED."PriceRp", "NameKey" = EXCLUDED."NameKey",
                    "NameVector" = EXCLUDED."NameVector", "SearchVector" = EXCLUDED."SearchVector";
                  RETURN NULL;
                END $$;
                """);
            migrationBuilder.DropIndex(
                name: "IX_CatalogEntries_Category",
                table: "CatalogEntries");

            migrationBuilder.DropIndex(
                name: "IX_CatalogEntries_DistrictCode",
                table: "CatalogEntries");

            migrationBuilder.DropIndex(
                name: "IX_CatalogEntries_Name",
                table: "CatalogEntries");

            migrationBuilder.DropIndex(
                name: "IX_CatalogEntries_UpdatedAt",
                table: "CatalogEntries");

            migrationBuilder.AddColumn<string>(
                name: "Facets",
                table: "CatalogEntries",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "CatalogEntries",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogEntries_NameKey",
                table: "CatalogEntries",
                column: "NameKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM \"CatalogEntries\";");
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION catalog_vectors_write() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  INSERT INTO "CatalogVectors" ("ProductId", "NameVector", "SearchVector") VALUES (
                    NEW."ProductId",
                    to_tsvector('simple', coalesce(NEW."Name", '') || ' ' || coalesce(NEW."NameEn", ''))
                      || to_tsvector('indonesian', coalesce(NEW."Name", ''))
                      || to_tsvector('english', coalesce(NEW."NameEn", '')),
                    to_tsvector('simple', coalesce(NEW."Name", '') || ' ' || coalesce(NEW."NameEn", '') || ' ' || coalesce(NEW."BusinessName", '') || ' ' || coalesce(NEW."SearchText", ''))
                      || to_tsvector('indonesian', coalesce(NEW."Name", '') || ' ' || coalesce(NEW."SearchText", ''))
                      || to_tsvector('english', coalesce(NEW."NameEn", '') || ' ' || coalesce(NEW."SearchText", '')))
                  ON CONFLICT ("ProductId") DO UPDATE SET "NameVector" = EXCLUDED."NameVector", "SearchVector" = EXCLUDED."SearchVector";
                  RETURN NULL;
                END $$;
                """);
            migrationBuilder.DropIndex(
                name: "IX_CatalogEntries_NameKey",
                table: "CatalogEntries");

            migrationBuilder.DropColumn(
                name: "Facets",
                table: "CatalogEntries");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "CatalogEntries");

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
                name: "IX_CatalogEntries_UpdatedAt",
                table: "CatalogEntries",
                column: "UpdatedAt");
            migrationBuilder.Sql("""
                ALTER TABLE "CatalogVectors" DROP COLUMN IF EXISTS "PriceRp";
                ALTER TABLE "CatalogVectors" DROP COLUMN IF EXISTS "NameKey";
                """);
        }
    }
}
