using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sentra.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CatalogHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hours",
                table: "CatalogEntries",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "CatalogEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");
            // Entries are derived data: emptied here, rebuilt with their hours at the next start-up.
            migrationBuilder.Sql("DELETE FROM \"CatalogEntries\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Hours",
                table: "CatalogEntries");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "CatalogEntries");
        }
    }
}
