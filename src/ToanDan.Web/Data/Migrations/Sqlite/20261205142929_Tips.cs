using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ToanDan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Tips : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tip_remote_units",
                columns: table => new
                {
                    unit_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    set_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tip_remote_units", x => x.unit_code);
                });

            migrationBuilder.CreateTable(
                name: "tips",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    unit_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    receipt_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    record_number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    received_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    secrecy_requested = table.Column<bool>(type: "INTEGER", nullable: false),
                    place_unknown = table.Column<bool>(type: "INTEGER", nullable: false),
                    remote_area = table.Column<bool>(type: "INTEGER", nullable: false),
                    key_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    wrapped_key = table.Column<byte[]>(type: "BLOB", maxLength: 4000, nullable: false),
                    identity_cipher = table.Column<byte[]>(type: "BLOB", maxLength: 4000, nullable: true),
                    narrative_cipher = table.Column<byte[]>(type: "BLOB", maxLength: 80000, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    assigned_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    assigned_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    transfer_due_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    transferred_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    transfer_target = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    complex = table.Column<bool>(type: "INTEGER", nullable: false),
                    decision_due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    extension_requested_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    extension_decision = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    extended = table.Column<bool>(type: "INTEGER", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    outcome_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    outcome_note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    valuable = table.Column<bool>(type: "INTEGER", nullable: false),
                    valuable_result = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    reporter_notified_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reward_amount = table.Column<long>(type: "INTEGER", nullable: true),
                    reward_note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    closed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    unread_from_reporter = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tips", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tip_attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tip_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    unit_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name_cipher = table.Column<byte[]>(type: "BLOB", maxLength: 4000, nullable: false),
                    has_view_copy = table.Column<bool>(type: "INTEGER", nullable: false),
                    from_reporter = table.Column<bool>(type: "INTEGER", nullable: false),
                    at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tip_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_tip_attachments_tips_tip_id",
                        column: x => x.tip_id,
                        principalTable: "tips",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tip_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tip_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    text_cipher = table.Column<byte[]>(type: "BLOB", maxLength: 16000, nullable: false),
                    author_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    author_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    unit_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tip_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_tip_messages_tips_tip_id",
                        column: x => x.tip_id,
                        principalTable: "tips",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tip_reminders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tip_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    unit_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    due_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    raised_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tip_reminders", x => x.id);
                    table.ForeignKey(
                        name: "fk_tip_reminders_tips_tip_id",
                        column: x => x.tip_id,
                        principalTable: "tips",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tip_attachments_tip_id",
                table: "tip_attachments",
                column: "tip_id");

            migrationBuilder.CreateIndex(
                name: "ix_tip_messages_tip_id_at_utc",
                table: "tip_messages",
                columns: new[] { "tip_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_tip_reminders_tip_id_kind_due_utc",
                table: "tip_reminders",
                columns: new[] { "tip_id", "kind", "due_utc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tip_reminders_unit_code_raised_at_utc",
                table: "tip_reminders",
                columns: new[] { "unit_code", "raised_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_tips_assigned_user_id",
                table: "tips",
                column: "assigned_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_tips_receipt_hash",
                table: "tips",
                column: "receipt_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tips_status_decision_due_on",
                table: "tips",
                columns: new[] { "status", "decision_due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_tips_unit_code_received_at_utc",
                table: "tips",
                columns: new[] { "unit_code", "received_at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tip_attachments");

            migrationBuilder.DropTable(
                name: "tip_messages");

            migrationBuilder.DropTable(
                name: "tip_reminders");

            migrationBuilder.DropTable(
                name: "tip_remote_units");

            migrationBuilder.DropTable(
                name: "tips");
        }
    }
}
