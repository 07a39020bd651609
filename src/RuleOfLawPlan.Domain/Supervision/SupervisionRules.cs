using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Domain.Supervision;

/// <summary>
/// 三色督办, as of a day. The first that holds decides:
/// 已办结 when the task is completed; 红 when the deadline has passed; 黄 when the accepted figure is below
/// the line from the plan's start (0 %) to the deadline (100 %), or when the last reporting period that has
/// closed got no accepted update (nothing accepted as of its start or later); 蓝 when the deadline is within
/// the window; otherwise 绿. A 常态化 task has no deadline and is judged by the reporting periods alone.
/// A period counts only if it began on or after the plan's start: sections are not chased for a month the
/// plan was issued in the middle of.
/// </summary>
public static class SupervisionRules
{
    public static SupervisionAssessment Assess(SupervisionFacts facts, DateOnly asOf, SupervisionSettings settings)
    {
        var dueNext = settings.Calendar.PeriodContaining(asOf);
        if (facts.Status == PlanTaskStatus.Completed)
            return new SupervisionAssessment(SupervisionLight.Done, LightReason.Completed, null, null, false, null, dueNext);

        var missed = MissedPeriod(facts, asOf, settings.Calendar);
        if (facts.Deadline is not { } deadline)
        {
            return missed is null
                ? new SupervisionAssessment(SupervisionLight.Green, LightReason.OnTrack, null, null, false, null, dueNext)
                : new SupervisionAssessment(SupervisionLight.Yellow, LightReason.NoUpdateInPeriod, null, null, false, missed, dueNext);
        }

        var daysLeft = deadline.DayNumber - asOf.DayNumber;
        var expected = ExpectedPercent(facts.PlanStart, deadline, asOf);
        var behind = facts.AcceptedPercent < expected;
        var (light, reason) = (daysLeft, behind, missed) switch
        {
            ( < 0, _, _) => (SupervisionLight.Red, LightReason.Overdue),
            (_, true, _) => (SupervisionLight.Yellow, LightReason.BehindSchedule),
            (_, _, not null) => (SupervisionLight.Yellow, LightReason.NoUpdateInPeriod),
            _ when daysLeft <= settings.BlueWindowDays => (SupervisionLight.Blue, LightReason.DeadlineNear),
            _ => (SupervisionLight.Green, LightReason.OnTrack),
        };
        return new SupervisionAssessment(light, reason, daysLeft, expected, behind, missed, dueNext);
    }

    /// <summary>
    /// The percent the line expects on a day, rounded up so that "below it" is exact in whole percents.
    /// A deadline on or before the plan's start expects nothing before it and everything from it.
    /// </summary>
    private static int ExpectedPercent(DateOnly start, DateOnly deadline, DateOnly asOf)
    {
        var span = deadline.DayNumber - start.DayNumber;
        if (span <= 0) return asOf >= deadline ? 100 : 0;
        var elapsed = Math.Clamp(asOf.DayNumber - start.DayNumber, 0, span);
        return (100 * elapsed + span - 1) / span;
    }

    private static ReportingPeriod? MissedPeriod(SupervisionFacts facts, DateOnly asOf, ReportingCalendar calendar)
    {
        var lastClosed = calendar.Previous(calendar.PeriodContaining(asOf));
        if (lastClosed.Start < facts.PlanStart) return null;
        return facts.LastAcceptedOn is { } last && last >= lastClosed.Start ? null : lastClosed;
    }
}
