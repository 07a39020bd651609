using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleOfLawPlan.Web.Security.SignIns;

namespace RuleOfLawPlan.Web.Data.Configurations;

sealed class SignInAttemptConfiguration : IEntityTypeConfiguration<SignInAttempt>
{
    public void Configure(EntityTypeBuilder<SignInAttempt> b)
    {
        b.ToTable("sign_in_attempts");
        b.Property(a => a.UserName).HasMaxLength(SignInAttempt.MaxUserNameLength);
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.ClientAddress).HasMaxLength(64);
        b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Reason).HasConversion<string>().HasMaxLength(40);
        // The throttle's two questions: this account from this address, and this address for any account.
        b.HasIndex(a => new { a.UserName, a.At });
        b.HasIndex(a => new { a.ClientAddress, a.At });
        b.HasIndex(a => a.At);
    }
}
