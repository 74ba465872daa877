using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ToanDan.Web.Features.Tips.Data;

internal static class TipsColumns
{
    public const int Enum = 30;

    // Sealed values: the longest narrative (3 × 8,000 characters of Vietnamese, up to 3 bytes each) plus framing.
    public const int NarrativeBytes = 80_000;
    public const int SmallSealedBytes = 4_000;
    public const int MessageBytes = 16_000;
}

internal sealed class TipConfiguration : IEntityTypeConfiguration<Tip>
{
    public void Configure(EntityTypeBuilder<Tip> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.UnitCode).HasMaxLength(Tip.UnitCodeMaxLength).IsRequired();
        builder.Property(t => t.ReceiptHash).HasMaxLength(Tip.HashLength).IsRequired();
        builder.Property(t => t.Channel).HasConversion<string>().HasMaxLength(TipsColumns.Enum);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(TipsColumns.Enum);
        builder.Property(t => t.Category).HasConversion<string>().HasMaxLength(TipsColumns.Enum);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(TipsColumns.Enum);
        builder.Property(t => t.Outcome).HasConversion<string>().HasMaxLength(TipsColumns.Enum);
        builder.Property(t => t.RecordNumber).HasMaxLength(Tip.RecordNumberMaxLength);
        builder.Property(t => t.KeyId).HasMaxLength(Tip.KeyIdMaxLength).IsRequired();
        builder.Property(t => t.WrappedKey).HasMaxLength(TipsColumns.SmallSealedBytes).IsRequired();
        builder.Property(t => t.IdentityCipher).HasMaxLength(TipsColumns.SmallSealedBytes);
        builder.Property(t => t.NarrativeCipher).HasMaxLength(TipsColumns.NarrativeBytes).IsRequired();
        builder.Property(t => t.AssignedName).HasMaxLength(Tip.NameMaxLength);
        builder.Property(t => t.TransferTarget).HasMaxLength(Tip.TargetMaxLength);
        builder.Property(t => t.ExtensionDecision).HasMaxLength(Tip.TargetMaxLength);
        builder.Property(t => t.OutcomeNote).HasMaxLength(Tip.NoteMaxLength);
        builder.Property(t => t.ValuableResult).HasMaxLength(Tip.NoteMaxLength);
        builder.Property(t => t.RewardNote).HasMaxLength(Tip.NoteMaxLength);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.Reference);
        builder.Ignore(t => t.ReceivedOn);
        builder.Ignore(t => t.IsOpen);
        builder.Ignore(t => t.ExtensionRequestDeadline);
        builder.HasIndex(t => t.ReceiptHash).IsUnique();
        builder.HasIndex(t => new { t.UnitCode, t.ReceivedAtUtc });
        builder.HasIndex(t => new { t.Status, t.DecisionDueOn });
        builder.HasIndex(t => t.AssignedUserId);
    }
}

internal sealed class TipMessageConfiguration : IEntityTypeConfiguration<TipMessage>
{
    public void Configure(EntityTypeBuilder<TipMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(TipsColumns.Enum);
        builder.Property(m => m.TextCipher).HasMaxLength(TipsColumns.MessageBytes).IsRequired();
        builder.Property(m => m.AuthorName).HasMaxLength(Tip.NameMaxLength);
        builder.Property(m => m.UnitCode).HasMaxLength(Tip.UnitCodeMaxLength).IsRequired();
        builder.HasOne<Tip>().WithMany().HasForeignKey(m => m.TipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.TipId, m.AtUtc });
    }
}

internal sealed class TipAttachmentConfiguration : IEntityTypeConfiguration<TipAttachment>
{
    public void Configure(EntityTypeBuilder<TipAttachment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(TipsColumns.Enum);
        builder.Property(a => a.ContentType).HasMaxLength(TipAttachment.ContentTypeMaxLength).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(Tip.HashLength).IsRequired();
        builder.Property(a => a.NameCipher).HasMaxLength(TipsColumns.SmallSealedBytes).IsRequired();
        builder.Property(a => a.UnitCode).HasMaxLength(Tip.UnitCodeMaxLength).IsRequired();
        builder.HasOne<Tip>().WithMany().HasForeignKey(a => a.TipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.TipId);
    }
}

internal sealed class TipReminderConfiguration : IEntityTypeConfiguration<TipReminder>
{
    public void Configure(EntityTypeBuilder<TipReminder> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(TipsColumns.Enum);
        builder.Property(r => r.UnitCode).HasMaxLength(Tip.UnitCodeMaxLength).IsRequired();
        builder.HasOne<Tip>().WithMany().HasForeignKey(r => r.TipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.TipId, r.Kind, r.DueUtc }).IsUnique();
        builder.HasIndex(r => new { r.UnitCode, r.RaisedAtUtc });
    }
}

internal sealed class TipRemoteUnitConfiguration : IEntityTypeConfiguration<TipRemoteUnit>
{
    public void Configure(EntityTypeBuilder<TipRemoteUnit> builder)
    {
        builder.ToTable("tip_remote_units");
        builder.HasKey(r => r.UnitCode);
        builder.Property(r => r.UnitCode).HasMaxLength(Tip.UnitCodeMaxLength);
        builder.Property(r => r.Note).HasMaxLength(TipRemoteUnit.NoteMaxLength);
    }
}
