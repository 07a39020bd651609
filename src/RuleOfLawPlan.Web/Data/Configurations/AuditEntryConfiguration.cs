using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleOfLawPlan.Web.Data.Audit;

namespace RuleOfLawPlan.Web.Data.Configurations;

sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.Property(e => e.UserId).HasMaxLength(450);
        b.Property(e => e.UserName).HasMaxLength(200);
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(10);
        b.Property(e => e.EntityType).HasMaxLength(50);
        b.Property(e => e.EntityKey).HasMaxLength(200);
        b.Property(e => e.Before).HasColumnType("jsonb");
        b.Property(e => e.After).HasColumnType("jsonb");
        // No foreign keys: the trail outlives what it describes.
        b.HasIndex(e => e.At);
        b.HasIndex(e => e.ChangeSetId);
        b.HasIndex(e => new { e.PlanTaskId, e.At });
        b.HasIndex(e => new { e.UserId, e.At });
        b.HasIndex(e => new { e.EntityType, e.At });
    }
}
