using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sentra.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CatalogFacets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The index gains a facet column (filter values and sort buckets as tokens, see CatalogFacets).
            // Entries are derived data: they are emptied here and rebuilt, with their tokens, at start-up.
            // detail=column: the index keeps which columns hold a term, not its positions — every query is
            // single words and tokens, never a phrase, and posting lists read faster without positions.
            migrationBuilder.Sql("""
                DROP TABLE IF EXISTS catalog_fts_vocab;
                DROP TRIGGER IF EXISTS catalog_fts_insert;
                DROP TRIGGER IF EXISTS catalog_fts_delete;
                DROP TRIGGER IF EXISTS catalog_fts_update;
                DROP TABLE IF EXISTS catalog_fts;
                DELETE FROM "CatalogEntries";
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
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "CatalogEntries",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogEntries_NameKey",
                table: "CatalogEntries",
                column: "NameKey");
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE catalog_fts USING fts5(
                    Name, NameEn, BusinessName, SearchText, Facets,
                    content='CatalogEntries', content_rowid='ProductId',
                    tokenize='porter unicode61 remove_diacritics 2', prefix='2 3 4', detail=column);
                CREATE TRIGGER catalog_fts_insert AFTER INSERT ON "CatalogEntries" BEGIN
                  INSERT INTO catalog_fts(rowid, Name, NameEn, BusinessName, SearchText, Facets)
                  VALUES (new."ProductId", new."Name", new."NameEn", new."BusinessName", new."SearchText", new."Facets");
                END;
                CREATE TRIGGER catalog_fts_delete AFTER DELETE ON "CatalogEntries" BEGIN
                  INSERT INTO catalog_fts(catalog_fts, rowid, Name, NameEn, BusinessName, SearchText, Facets)
                  VALUES ('delete', old."ProductId", old."Name", old."NameEn", old."BusinessName", old."SearchText", old."Facets");
                END;
                CREATE TRIGGER catalog_fts_update AFTER UPDATE ON "CatalogEntries" BEGIN
                  INSERT INTO catalog_fts(catalog_fts, rowid, Name, NameEn, BusinessName, SearchText, Facets)
                  VALUES ('delete', old."ProductId", old."Name", old."NameEn", old."BusinessName", old."SearchText", old."Facets");
                  INSERT INTO catalog_fts(rowid, Name, NameEn, BusinessName, SearchText, Facets)
                  VALUES (new."ProductId", new."Name", new."NameEn", new."BusinessName", new."SearchText", new."Facets");
                END;
                CREATE VIRTUAL TABLE catalog_fts_vocab USING fts5vocab(catalog_fts, 'row');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE IF EXISTS catalog_fts_vocab;
                DROP TRIGGER IF EXISTS catalog_fts_insert;
                DROP TRIGGER IF EXISTS catalog_fts_delete;
                DROP TRIGGER IF EXISTS catalog_fts_update;
                DROP TABLE IF EXISTS catalog_fts;
                DELETE FROM "CatalogEntries";
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
                CREATE VIRTUAL TABLE catalog_fts USING fts5(
                    Name, NameEn, BusinessName, SearchText,
                    content='CatalogEntries', content_rowid='ProductId',
                    tokenize='porter unicode61 remove_diacritics 2', prefix='2 3 4');
                CREATE TRIGGER catalog_fts_insert AFTER INSERT ON "CatalogEntries" BEGIN
                  INSERT INTO catalog_fts(rowid, Name, NameEn, BusinessName, SearchText)
                  VALUES (new."ProductId", new."Name", new."NameEn", new."BusinessName", new."SearchText");
                END;
                CREATE TRIGGER catalog_fts_delete AFTER DELETE ON "CatalogEntries" BEGIN
                  INSERT INTO catalog_fts(catalog_fts, rowid, Name, NameEn, BusinessName, SearchText)
                  VALUES ('delete', old."ProductId", old."Name", old."NameEn", old."BusinessName", old."SearchText");
                END;
                CREATE TRIGGER catalog_fts_update AFTER UPDATE ON "CatalogEntries" BEGIN
                  INSERT INTO catalog_fts(catalog_fts, rowid, Name, NameEn, BusinessName, SearchText)
                  VALUES ('delete', old."ProductId", old."Name", old."NameEn", old."BusinessName", old."SearchText");
                  INSERT INTO catalog_fts(rowid, Name, NameEn, BusinessName, SearchText)
                  VALUES (new."ProductId", new."Name", new."NameEn", new."BusinessName", new."SearchText");
                END;
                CREATE VIRTUAL TABLE catalog_fts_vocab USING fts5vocab(catalog_fts, 'row');
                """);
        }
    }
}
