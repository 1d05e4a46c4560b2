using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sentra.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CatalogIndexTextOnly : Migration
    {
        /// <summary>The full-text index over the entries' texts; <paramref name="facets"/> adds the facet column of decisions 11–13.</summary>
        private static string CreateIndex(bool facets)
        {
            var columns = "Name, NameEn, BusinessName, SearchText" + (facets ? ", Facets" : "");
            var values = string.Join(", ", columns.Split(", ").Select(c => "new.\"" + c + "\""));
            var oldValues = string.Join(", ", columns.Split(", ").Select(c => "old.\"" + c + "\""));
            var keyed = "rowid, " + columns;
            return $"""
                DROP TABLE IF EXISTS catalog_fts_vocab;
                DROP TRIGGER IF EXISTS catalog_fts_insert;
                DROP TRIGGER IF EXISTS catalog_fts_delete;
                DROP TRIGGER IF EXISTS catalog_fts_update;
                DROP TABLE IF EXISTS catalog_fts;
                CREATE VIRTUAL TABLE catalog_fts USING fts5(
                    {columns},
                    content='CatalogEntries', content_rowid='ProductId',
                    tokenize='porter unicode61 remove_diacritics 2', prefix='2 3 4', detail=column);
                CREATE TRIGGER catalog_fts_insert AFTER INSERT ON "CatalogEntries" BEGIN
                  INSERT INTO catalog_fts({keyed}) VALUES (new."ProductId", {values});
                END;
                CREATE TRIGGER catalog_fts_delete AFTER DELETE ON "CatalogEntries" BEGIN
                  INSERT INTO catalog_fts(catalog_fts, {keyed}) VALUES ('delete', old."ProductId", {oldValues});
                END;
                CREATE TRIGGER catalog_fts_update AFTER UPDATE ON "CatalogEntries" BEGIN
                  INSERT INTO catalog_fts(catalog_fts, {keyed}) VALUES ('delete', old."ProductId", {oldValues});
                  INSERT INTO catalog_fts({keyed}) VALUES (new."ProductId", {values});
                END;
                CREATE VIRTUAL TABLE catalog_fts_vocab USING fts5vocab(catalog_fts, 'row');
                INSERT INTO catalog_fts(catalog_fts) VALUES('rebuild');
                """;
        }

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Decision 14: filters are sets in memory (CatalogTable, read from CatalogEntries.Facets); the
            // full-text index only answers words, so it no longer holds the facet column. Rebuilt from the
            // entries in place.
            migrationBuilder.Sql(CreateIndex(facets: false));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CreateIndex(facets: true));
        }
    }
}
