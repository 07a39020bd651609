using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleOfLawPlan.Web.Notifications;

namespace RuleOfLawPlan.Web.Data.Configurations;

sealed class ReminderRunConfiguration : IEntityTypeConfiguration<ReminderRun>
{
    public void Configure(EntityTypeBuilder<ReminderRun> b)
    {
        b.ToTable("reminder_runs");
        b.HasKey(r => r.Day);
        b.Property(r => r.Day).ValueGeneratedNever();
    }
}
