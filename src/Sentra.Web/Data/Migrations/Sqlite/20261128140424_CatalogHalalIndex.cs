using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sentra.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CatalogHalalIndex : Migration
    {
        internal const string CreateHalalIndex = """
                CREATE VIRTUAL TABLE catalog_fts_halal USING fts5(
                    Name, NameEn, BusinessName, SearchText, Facets,
                    content='CatalogEntries', content_rowid='ProductId',
                    tokenize='porter unicode61 remove_diacritics 2', prefix='2 3 4', detail=column);
                CREATE TRIGGER catalog_fts_halal_insert AFTER INSERT ON "CatalogEntries" WHEN new."HalalStatus" = 3 BEGIN
                  INSERT INTO catalog_fts_halal(rowid, Name, NameEn, BusinessName, SearchText, Facets)
                  VALUES (new."ProductId", new."Name", new."NameEn", new."BusinessName", new."SearchText", new."Facets");
                END;
                CREATE TRIGGER catalog_fts_halal_delete AFTER DELETE ON "CatalogEntries" WHEN old."HalalStatus" = 3 BEGIN
                  INSERT INTO catalog_fts_halal(catalog_fts_halal, rowid, Name, NameEn, BusinessName, SearchText, Facets)
                  VALUES ('delete', old."ProductId", old."Name", old."NameEn", old."BusinessName", old."SearchText", old."Facets");
                END;
                CREATE TRIGGER catalog_fts_halal_update AFTER UPDATE ON "CatalogEntries" WHEN old."HalalStatus" = 3 OR new."HalalStatus" = 3 BEGIN
                  INSERT INTO catalog_fts_halal(catalog_fts_halal, rowid, Name, NameEn, BusinessName, SearchText, Facets)
                  SELECT 'delete', old."ProductId", old."Name", old."NameEn", old."BusinessName", old."SearchText", old."Facets" WHERE old."HalalStatus" = 3;
                  INSERT INTO catalog_fts_halal(rowid, Name, NameEn, BusinessName, SearchText, Facets)
                  SELECT new."ProductId", new."Name", new."NameEn", new."BusinessName", new."SearchText", new."Facets" WHERE new."HalalStatus" = 3;
                END;
                INSERT INTO catalog_fts_halal(rowid, Name, NameEn, BusinessName, SearchText, Facets)
                  SELECT "ProductId", "Name", "NameEn", "BusinessName", "SearchText", "Facets" FROM "CatalogEntries" WHERE "HalalStatus" = 3;
                INSERT INTO catalog_fts_halal(catalog_fts_halal) VALUES('optimize');
                """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A second full-text index over the halal-certified entries only (HalalStatus 3 = Certified):
            // a halal search reads it without the halal token, so it walks posting lists half as long and
            // never the halal token's, the longest of all. Kept by triggers like catalog_fts; an update
            // removes the old row before it adds the new one, in one trigger, so their order is certain.
            migrationBuilder.Sql(CreateHalalIndex);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS catalog_fts_halal_insert;
                DROP TRIGGER IF EXISTS catalog_fts_halal_delete;
                DROP TRIGGER IF EXISTS catalog_fts_halal_update;
                DROP TABLE IF EXISTS catalog_fts_halal;
                """);
        }
    }
}
