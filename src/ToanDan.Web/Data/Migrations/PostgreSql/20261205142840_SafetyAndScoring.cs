using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ToanDan.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SafetyAndScoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "safety_criteria",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    citation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    from_year = table.Column<int>(type: "integer", nullable: false),
                    to_year = table.Column<int>(type: "integer", nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safety_criteria", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "safety_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    place_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subject_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    unit_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    subject_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    managed_by = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    meeting_on = table.Column<DateOnly>(type: "date", nullable: true),
                    meeting_notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    submitted_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reviewed_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    review_note = table.Column<string>(type: "character varying(1020)", maxLength: 1020, nullable: true),
                    result = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    decision_authority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decision_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    certificate_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    certificate_issued_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safety_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "score_cards",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    place_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subject_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    unit_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    subject_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sheet_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sheet_basis = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    excellent_from = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    good_from = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    average_from = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    thresholds_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    self_total = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    proposed_grade = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    reviewed_total = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    grade = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    reviewed_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    review_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_score_cards", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "score_sheets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    from_year = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    basis = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    excellent_from = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    good_from = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    average_from = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_score_sheets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "safety_checks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    citation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    derived = table.Column<bool>(type: "boolean", nullable: false),
                    met = table.Column<bool>(type: "boolean", nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safety_checks", x => x.id);
                    table.ForeignKey(
                        name: "fk_safety_checks_safety_records_record_id",
                        column: x => x.record_id,
                        principalTable: "safety_records",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "safety_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    stored_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uploaded_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safety_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_safety_files_safety_records_record_id",
                        column: x => x.record_id,
                        principalTable: "safety_records",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "score_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    card_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    max_points = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    self_points = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    reviewed_points = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_score_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_score_entries_score_cards_card_id",
                        column: x => x.card_id,
                        principalTable: "score_cards",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "score_sheet_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sheet_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    max_points = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_score_sheet_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_score_sheet_items_score_sheets_sheet_id",
                        column: x => x.sheet_id,
                        principalTable: "score_sheets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_safety_checks_record_id_position",
                table: "safety_checks",
                columns: new[] { "record_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_safety_criteria_province_code_kind_code",
                table: "safety_criteria",
                columns: new[] { "province_code", "kind", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_safety_files_record_id",
                table: "safety_files",
                column: "record_id");

            migrationBuilder.CreateIndex(
                name: "ix_safety_records_unit_code_year",
                table: "safety_records",
                columns: new[] { "unit_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_safety_records_year_subject_code",
                table: "safety_records",
                columns: new[] { "year", "subject_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_score_cards_unit_code_year",
                table: "score_cards",
                columns: new[] { "unit_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_score_cards_year_subject_code",
                table: "score_cards",
                columns: new[] { "year", "subject_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_score_entries_card_id_position",
                table: "score_entries",
                columns: new[] { "card_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_score_sheet_items_sheet_id_position",
                table: "score_sheet_items",
                columns: new[] { "sheet_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_score_sheets_province_code_kind_from_year",
                table: "score_sheets",
                columns: new[] { "province_code", "kind", "from_year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "safety_checks");

            migrationBuilder.DropTable(
                name: "safety_criteria");

            migrationBuilder.DropTable(
                name: "safety_files");

            migrationBuilder.DropTable(
                name: "score_entries");

            migrationBuilder.DropTable(
                name: "score_sheet_items");

            migrationBuilder.DropTable(
                name: "safety_records");

            migrationBuilder.DropTable(
                name: "score_cards");

            migrationBuilder.DropTable(
                name: "score_sheets");
        }
    }
}
