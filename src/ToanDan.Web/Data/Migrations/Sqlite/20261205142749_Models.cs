using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace ToanDan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Models : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "model_catalogue_entries",
                columns: table => new
                {
                    catalogue = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name_english = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_model_catalogue_entries", x => new { x.catalogue, x.code });
                });

            migrationBuilder.CreateTable(
                name: "movement_models",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    unit_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    search_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    kind_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    field_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    established_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    is_cluster = table.Column<bool>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_movement_models", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "model_cluster_members",
                columns: table => new
                {
                    model_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    unit_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    joined_on = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_model_cluster_members", x => new { x.model_id, x.unit_code });
                    table.ForeignKey(
                        name: "fk_model_cluster_members_movement_models_model_id",
                        column: x => x.model_id,
                        principalTable: "movement_models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "model_evaluations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    model_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    result = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    evaluated_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_model_evaluations", x => x.id);
                    table.ForeignKey(
                        name: "fk_model_evaluations_movement_models_model_id",
                        column: x => x.model_id,
                        principalTable: "movement_models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "model_exemplars",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    unit_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    model_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    achievements = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    recognised_by = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    decision_number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    decision_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_model_exemplars", x => x.id);
                    table.ForeignKey(
                        name: "fk_model_exemplars_movement_models_model_id",
                        column: x => x.model_id,
                        principalTable: "movement_models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "model_points",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    model_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    unit_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    place_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    established_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    teams = table.Column<int>(type: "INTEGER", nullable: false),
                    members = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_model_points", x => x.id);
                    table.ForeignKey(
                        name: "fk_model_points_movement_models_model_id",
                        column: x => x.model_id,
                        principalTable: "movement_models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "model_status_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    model_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    recorded_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_model_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_model_status_changes_movement_models_model_id",
                        column: x => x.model_id,
                        principalTable: "movement_models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "model_catalogue_entries",
                columns: new[] { "catalogue", "code", "is_active", "name", "name_english", "sort_order", "version" },
                values: new object[,]
                {
                    { "Field", "crime", true, "Phòng, chống tội phạm", "Crime prevention", 80, 1 },
                    { "Field", "domesticViolence", true, "Phòng, chống bạo lực gia đình", "Domestic violence prevention", 120, 1 },
                    { "Field", "drugs", true, "Phòng, chống ma túy", "Drug prevention", 90, 1 },
                    { "Field", "fire", true, "Phòng cháy, chữa cháy", "Fire prevention", 110, 1 },
                    { "Field", "general", true, "An ninh, trật tự chung", "Security and order in general", 150, 1 },
                    { "Field", "reintegration", true, "Cảm hóa, giáo dục, giúp đỡ người lầm lỗi", "Helping people who erred", 140, 1 },
                    { "Field", "socialEvils", true, "Phòng, chống tệ nạn xã hội", "Social evils prevention", 130, 1 },
                    { "Field", "traffic", true, "Trật tự, an toàn giao thông", "Traffic safety", 100, 1 },
                    { "Kind", "camera", true, "Camera giám sát an ninh, trật tự", "Security cameras", 60, 1 },
                    { "Kind", "linkedCluster", true, "Liên kết, cụm liên kết vùng giáp ranh", "Linked cluster (border area)", 50, 1 },
                    { "Kind", "other", true, "Khác", "Other", 70, 1 },
                    { "Kind", "selfManaged", true, "Tự quản về an ninh, trật tự", "Self-management", 10, 1 },
                    { "Kind", "selfMediation", true, "Tự hòa giải", "Self-mediation", 40, 1 },
                    { "Kind", "selfPrevention", true, "Tự phòng", "Self-prevention", 20, 1 },
                    { "Kind", "selfProtection", true, "Tự bảo vệ", "Self-protection", 30, 1 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_model_cluster_members_unit_code",
                table: "model_cluster_members",
                column: "unit_code");

            migrationBuilder.CreateIndex(
                name: "ix_model_evaluations_model_id_year",
                table: "model_evaluations",
                columns: new[] { "model_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_model_exemplars_model_id",
                table: "model_exemplars",
                column: "model_id");

            migrationBuilder.CreateIndex(
                name: "ix_model_exemplars_unit_code_decision_date",
                table: "model_exemplars",
                columns: new[] { "unit_code", "decision_date" });

            migrationBuilder.CreateIndex(
                name: "ix_model_points_model_id",
                table: "model_points",
                column: "model_id");

            migrationBuilder.CreateIndex(
                name: "ix_model_points_unit_code",
                table: "model_points",
                column: "unit_code");

            migrationBuilder.CreateIndex(
                name: "ix_model_status_changes_model_id_sequence",
                table: "model_status_changes",
                columns: new[] { "model_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_movement_models_unit_code_established_on",
                table: "movement_models",
                columns: new[] { "unit_code", "established_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "model_catalogue_entries");

            migrationBuilder.DropTable(
                name: "model_cluster_members");

            migrationBuilder.DropTable(
                name: "model_evaluations");

            migrationBuilder.DropTable(
                name: "model_exemplars");

            migrationBuilder.DropTable(
                name: "model_points");

            migrationBuilder.DropTable(
                name: "model_status_changes");

            migrationBuilder.DropTable(
                name: "movement_models");
        }
    }
}
