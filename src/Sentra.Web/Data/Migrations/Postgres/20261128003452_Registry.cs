using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sentra.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PermitNumber",
                table: "Products");

            migrationBuilder.AddColumn<int>(
                name: "PermitId",
                table: "Products",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClassificationRule",
                table: "Businesses",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EnterpriseBasis",
                table: "Businesses",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "EnterpriseClass",
                table: "Businesses",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "IndustryClass",
                table: "Businesses",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Photos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BusinessId = table.Column<int>(type: "integer", nullable: false),
                    ProductId = table.Column<int>(type: "integer", nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    Caption = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Photos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Photos_Businesses_BusinessId",
                        column: x => x.BusinessId,
                        principalTable: "Businesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Photos_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "StoredFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PhotoId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StoredFiles_Photos_PhotoId",
                        column: x => x.PhotoId,
                        principalTable: "Photos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Permits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BusinessId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DocumentFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    VillageCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Permits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Permits_Businesses_BusinessId",
                        column: x => x.BusinessId,
                        principalTable: "Businesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Permits_StoredFiles_DocumentFileId",
                        column: x => x.DocumentFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "HalalCertificateProducts",
                columns: table => new
                {
                    PermitId = table.Column<int>(type: "integer", nullable: false),
                    ProductId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HalalCertificateProducts", x => new { x.PermitId, x.ProductId });
                    table.ForeignKey(
                        name: "FK_HalalCertificateProducts_Permits_PermitId",
                        column: x => x.PermitId,
                        principalTable: "Permits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HalalCertificateProducts_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Products_PermitId",
                table: "Products",
                column: "PermitId");

            migrationBuilder.CreateIndex(
                name: "IX_Businesses_EnterpriseClass",
                table: "Businesses",
                column: "EnterpriseClass");

            migrationBuilder.CreateIndex(
                name: "IX_Businesses_IndustryClass",
                table: "Businesses",
                column: "IndustryClass");

            migrationBuilder.CreateIndex(
                name: "IX_HalalCertificateProducts_ProductId",
                table: "HalalCertificateProducts",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Permits_BusinessId",
                table: "Permits",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_Permits_DocumentFileId",
                table: "Permits",
                column: "DocumentFileId");

            migrationBuilder.CreateIndex(
                name: "IX_Permits_ExpiresOn",
                table: "Permits",
                column: "ExpiresOn");

            migrationBuilder.CreateIndex(
                name: "IX_Permits_Kind_Number",
                table: "Permits",
                columns: new[] { "Kind", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Photos_BusinessId",
                table: "Photos",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_Photos_ProductId_SortOrder",
                table: "Photos",
                columns: new[] { "ProductId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_StoredFiles_PhotoId",
                table: "StoredFiles",
                column: "PhotoId");

            migrationBuilder.AddForeignKey(
                name: "FK_Products_Permits_PermitId",
                table: "Products",
                column: "PermitId",
                principalTable: "Permits",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Products_Permits_PermitId",
                table: "Products");

            migrationBuilder.DropTable(
                name: "HalalCertificateProducts");

            migrationBuilder.DropTable(
                name: "Permits");

            migrationBuilder.DropTable(
                name: "StoredFiles");

            migrationBuilder.DropTable(
                name: "Photos");

            migrationBuilder.DropIndex(
                name: "IX_Products_PermitId",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Businesses_EnterpriseClass",
                table: "Businesses");

            migrationBuilder.DropIndex(
                name: "IX_Businesses_IndustryClass",
                table: "Businesses");

            migrationBuilder.DropColumn(
                name: "PermitId",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "ClassificationRule",
                table: "Businesses");

            migrationBuilder.DropColumn(
                name: "EnterpriseBasis",
                table: "Businesses");

            migrationBuilder.DropColumn(
                name: "EnterpriseClass",
                table: "Businesses");

            migrationBuilder.DropColumn(
                name: "IndustryClass",
                table: "Businesses");

            migrationBuilder.AddColumn<string>(
                name: "PermitNumber",
                table: "Products",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);
        }
    }
}
