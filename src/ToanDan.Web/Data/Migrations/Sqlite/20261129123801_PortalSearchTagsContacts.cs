using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ToanDan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PortalSearchTagsContacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "english_description",
                table: "portal_settings",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "english_name",
                table: "portal_settings",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_hidden",
                table: "categories",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "categories",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "is_featured",
                table: "articles",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "search_body",
                table: "articles",
                type: "TEXT",
                maxLength: 100000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "search_title",
                table: "articles",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "tag_slugs",
                table: "articles",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "portal_contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    settings_id = table.Column<int>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    english_title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portal_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_portal_contacts_portal_settings_settings_id",
                        column: x => x.settings_id,
                        principalTable: "portal_settings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_articles_unit_code_is_featured",
                table: "articles",
                columns: new[] { "unit_code", "is_featured" });

            migrationBuilder.CreateIndex(
                name: "ix_portal_contacts_settings_id_position",
                table: "portal_contacts",
                columns: new[] { "settings_id", "position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "portal_contacts");

            migrationBuilder.DropIndex(
                name: "ix_articles_unit_code_is_featured",
                table: "articles");

            migrationBuilder.DropColumn(
                name: "english_description",
                table: "portal_settings");

            migrationBuilder.DropColumn(
                name: "english_name",
                table: "portal_settings");

            migrationBuilder.DropColumn(
                name: "is_hidden",
                table: "categories");

            migrationBuilder.DropColumn(
                name: "version",
                table: "categories");

            migrationBuilder.DropColumn(
                name: "is_featured",
                table: "articles");

            migrationBuilder.DropColumn(
                name: "search_body",
                table: "articles");

            migrationBuilder.DropColumn(
                name: "search_title",
                table: "articles");

            migrationBuilder.DropColumn(
                name: "tag_slugs",
                table: "articles");
        }
    }
}
