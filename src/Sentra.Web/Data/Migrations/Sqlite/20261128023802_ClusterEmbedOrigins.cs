using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sentra.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClusterEmbedOrigins : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EmbedOrigins",
                table: "Clusters",
                type: "TEXT",
                maxLength: 4020,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EmbedOrigins",
                table: "Clusters");
        }
    }
}
