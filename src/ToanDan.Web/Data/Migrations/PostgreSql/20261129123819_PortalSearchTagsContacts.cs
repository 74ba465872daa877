using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace ToanDan.Web.Data.Migrations.PostgreSql
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
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "english_name",
                table: "portal_settings",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_hidden",
                table: "categories",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "categories",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "is_featured",
                table: "articles",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "search_body",
                table: "articles",
                type: "character varying(100000)",
                maxLength: 100000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "search_title",
                table: "articles",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "tag_slugs",
                table: "articles",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "articles",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('simple'::regconfig, regexp_replace(search_title, '[^[:alnum:]]+', ' ', 'g')), 'A') || setweight(to_tsvector('simple'::regconfig, regexp_replace(search_text, '[^[:alnum:]]+', ' ', 'g')), 'B') || setweight(to_tsvector('simple'::regconfig, regexp_replace(search_body, '[^[:alnum:]]+', ' ', 'g')), 'C')",
                stored: true);

            migrationBuilder.CreateTable(
                name: "portal_contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    settings_id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    english_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true)
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
                name: "ix_articles_search_vector",
                table: "articles",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

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
                name: "ix_articles_search_vector",
                table: "articles");

            migrationBuilder.DropIndex(
                name: "ix_articles_unit_code_is_featured",
                table: "articles");

            migrationBuilder.DropColumn(
                name: "search_vector",
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
