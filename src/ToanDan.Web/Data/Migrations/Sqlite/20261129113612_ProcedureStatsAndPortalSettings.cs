using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ToanDan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProcedureStatsAndPortalSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "portal_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    portal_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    governing_agency = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    editor_in_chief = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    licence = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    licence_issued = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    unit_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portal_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "procedure_periods",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    unit_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    month = table.Column<int>(type: "INTEGER", nullable: false),
                    period_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    period_end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    received = table.Column<int>(type: "INTEGER", nullable: false),
                    processed = table.Column<int>(type: "INTEGER", nullable: false),
                    on_time_or_early = table.Column<int>(type: "INTEGER", nullable: false),
                    late = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procedure_periods", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_procedure_periods_unit_code_period_start",
                table: "procedure_periods",
                columns: new[] { "unit_code", "period_start" });

            migrationBuilder.CreateIndex(
                name: "ix_procedure_periods_unit_code_year_month",
                table: "procedure_periods",
                columns: new[] { "unit_code", "year", "month" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "portal_settings");

            migrationBuilder.DropTable(
                name: "procedure_periods");
        }
    }
}
