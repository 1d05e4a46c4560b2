using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sentra.Web.Data.Migrations.Sqlite
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
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    BusinessId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BusinessName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PriceRp = table.Column<long>(type: "INTEGER", nullable: false),
                    HalalStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    Availability = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PhotoId = table.Column<int>(type: "INTEGER", nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 12000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
            // Full-text index over the entries (external content: the text lives once, in CatalogEntries),
            // kept in step by triggers; Porter stems English words, unicode61 folds case and diacritics.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE catalog_fts USING fts5(
                    Name, NameEn, BusinessName, SearchText,
                    content='CatalogEntries', content_rowid='ProductId',
                    tokenize='porter unicode61 remove_diacritics 2', prefix='2 3 4');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER catalog_fts_insert AFTER INSERT ON "CatalogEntries" BEGIN
                  INSERT INTO catalog_fts(rowid, Name, NameEn, BusinessName, SearchText)
                  VALUES (new."ProductId", new."Name", new."NameEn", new."BusinessName", new."SearchText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER catalog_fts_delete AFTER DELETE ON "CatalogEntries" BEGIN
                  INSERT INTO catalog_fts(catalog_fts, rowid, Name, NameEn, BusinessName, SearchText)
                  VALUES ('delete', old."ProductId", old."Name", old."NameEn", old."BusinessName", old."SearchText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER catalog_fts_update AFTER UPDATE ON "CatalogEntries" BEGIN
                  INSERT INTO catalog_fts(catalog_fts, rowid, Name, NameEn, BusinessName, SearchText)
                  VALUES ('delete', old."ProductId", old."Name", old."NameEn", old."BusinessName", old."SearchText");
                  INSERT INTO catalog_fts(rowid, Name, NameEn, BusinessName, SearchText)
                  VALUES (new."ProductId", new."Name", new."NameEn", new."BusinessName", new."SearchText");
                END;
                """);
            // The index's own vocabulary, for spelling correction.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE catalog_fts_vocab USING fts5vocab(catalog_fts, 'row');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS catalog_fts_vocab;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS catalog_fts_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS catalog_fts_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS catalog_fts_update;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS catalog_fts;");
            migrationBuilder.DropTable(
                name: "CatalogEntries");
        }
    }
}
