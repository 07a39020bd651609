using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Notifications;

namespace RuleOfLawPlan.Web.Data.Configurations;

sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.Property(n => n.RecipientId).HasMaxLength(450);
        b.Property(n => n.Text).HasMaxLength(2_000);
        b.Property(n => n.DedupeKey).HasMaxLength(100);
        b.Ignore(n => n.IsRead);
        b.HasOne<AppUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PlanTask>().WithMany().HasForeignKey(n => n.PlanTaskId).OnDelete(DeleteBehavior.Cascade);
        // One row per event and user, whoever writes it and how often (decision 015).
        b.HasIndex(n => new { n.RecipientId, n.DedupeKey }).IsUnique();
        // The inbox, newest first; and the bell's count on every page, which reads only unread rows.
        b.HasIndex(n => new { n.RecipientId, n.CreatedAt });
        b.HasIndex(n => n.RecipientId).HasFilter("read_at IS NULL").HasDatabaseName("ix_notifications_unread");
    }
}
