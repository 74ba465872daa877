using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ToanDan.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Media : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "cover_media_id",
                table: "articles",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "media_id",
                table: "article_figures",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "media_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    alt = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    extension = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    width = table.Column<int>(type: "integer", nullable: false),
                    height = table.Column<int>(type: "integer", nullable: false),
                    widths = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    uploaded_bytes = table.Column<long>(type: "bigint", nullable: false),
                    stored_bytes = table.Column<long>(type: "bigint", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_media_items", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_media_items_unit_code_created_at_utc",
                table: "media_items",
                columns: new[] { "unit_code", "created_at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "media_items");

            migrationBuilder.DropColumn(
                name: "cover_media_id",
                table: "articles");

            migrationBuilder.DropColumn(
                name: "media_id",
                table: "article_figures");
        }
    }
}
