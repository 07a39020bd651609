using Microsoft.EntityFrameworkCore;
using Npgsql;
using RuleOfLawPlan.Domain.Organizations;

namespace RuleOfLawPlan.Web.Pages.Admin.Sections;

public static class SectionForm
{
    public const string DuplicateName = "已有同名科室，请换一个名称";

    public static readonly SectionKind[] Kinds = [SectionKind.Section, SectionKind.Center, SectionKind.Office, SectionKind.Brigade, SectionKind.Other];

    /// <summary>The unique index on (organization, name) said no: someone saved the same name first.</summary>
    public static bool IsDuplicateName(DbUpdateException ex) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
