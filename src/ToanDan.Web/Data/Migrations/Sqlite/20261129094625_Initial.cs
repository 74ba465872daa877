using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ToanDan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "administrative_units",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    search_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    parent_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_administrative_units", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "deployment_settings",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deployment_settings", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "places",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    subtype = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    search_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    enterprise_size = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    school_level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    is_armed_forces = table.Column<bool>(type: "INTEGER", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_places", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "unit_catalogues",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    as_of = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    source_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    row_count = table.Column<int>(type: "INTEGER", nullable: false),
                    imported_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_catalogues", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "unit_successions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    predecessor_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    successor_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    share = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    is_primary = table.Column<bool>(type: "INTEGER", nullable: false),
                    primary_basis = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_successions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "unit_catalogue_entries",
                columns: table => new
                {
                    catalogue_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    parent_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_catalogue_entries", x => new { x.catalogue_id, x.code });
                    table.ForeignKey(
                        name: "fk_unit_catalogue_entries_unit_catalogues_catalogue_id",
                        column: x => x.catalogue_id,
                        principalTable: "unit_catalogues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_administrative_units_code_valid_from",
                table: "administrative_units",
                columns: new[] { "code", "valid_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_administrative_units_parent_code_valid_from",
                table: "administrative_units",
                columns: new[] { "parent_code", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_administrative_units_search_name",
                table: "administrative_units",
                column: "search_name");

            migrationBuilder.CreateIndex(
                name: "ix_places_commune_code_kind_search_name",
                table: "places",
                columns: new[] { "commune_code", "kind", "search_name" });

            migrationBuilder.CreateIndex(
                name: "ix_unit_catalogues_kind_as_of_source_name",
                table: "unit_catalogues",
                columns: new[] { "kind", "as_of", "source_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_unit_successions_predecessor_code_successor_code_effective_on",
                table: "unit_successions",
                columns: new[] { "predecessor_code", "successor_code", "effective_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_unit_successions_successor_code_effective_on",
                table: "unit_successions",
                columns: new[] { "successor_code", "effective_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "administrative_units");

            migrationBuilder.DropTable(
                name: "deployment_settings");

            migrationBuilder.DropTable(
                name: "places");

            migrationBuilder.DropTable(
                name: "unit_catalogue_entries");

            migrationBuilder.DropTable(
                name: "unit_successions");

            migrationBuilder.DropTable(
                name: "unit_catalogues");
        }
    }
}
