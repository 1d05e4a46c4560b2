using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sentra.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CatalogIndexTextOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Decision 14: filters, prices and name keys are kept in memory (CatalogTable, read from
            // CatalogEntries); the vectors only answer words, so they lose the filter tokens and the table
            // its sort keys. Every vector is written again through the trigger.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION catalog_vectors_write() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  INSERT INTO "CatalogVectors" ("ProductId", "NameVector", "SearchVector") VALUES (
                    NEW."ProductId",
                    strip(to_tsvector('simple', coalesce(NEW."Name", '') || ' ' || coalesce(NEW."NameEn", ''))
                      || to_tsvector('indonesian', coalesce(NEW."Name", ''))
                      || to_tsvector('english', coalesce(NEW."NameEn", ''))),
                    strip(to_tsvector('simple', coalesce(NEW."Name", '') || ' ' || coalesce(NEW."NameEn", '') || ' ' || coalesce(NEW."BusinessName", '') || ' ' || coalesce(NEW."SearchText", ''))
                      || to_tsvector('indonesian', coalesce(NEW."Name", '') || ' ' || coalesce(NEW."SearchText", ''))
                      || to_tsvector('english', coalesce(NEW."NameEn", '') || ' ' || coalesce(NEW."SearchText", ''))))
                  ON CONFLICT ("ProductId") DO UPDATE SET "NameVector" = EXCLUDED."NameVector", "SearchVector" = EXCLUDED."SearchVector";
                  RETURN NULL;
                END $$;
                ALTER TABLE "CatalogVectors" DROP COLUMN IF EXISTS "PriceRp", DROP COLUMN IF EXISTS "NameKey";
                UPDATE "CatalogEntries" SET "ProductId" = "ProductId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "CatalogVectors" ADD COLUMN "PriceRp" bigint NOT NULL DEFAULT 0;
                ALTER TABLE "CatalogVectors" ADD COLUMN "NameKey" character varying(100) COLLATE "C" NOT NULL DEFAULT '';
                """);
            migrationBuilder.Sql(CatalogHalalIndex.WriteVectorsWithoutHalal);
            migrationBuilder.Sql("""UPDATE "CatalogEntries" SET "ProductId" = "ProductId";""");
        }
    }
}
