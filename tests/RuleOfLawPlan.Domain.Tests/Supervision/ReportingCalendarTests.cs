using RuleOfLawPlan.Domain.Supervision;

namespace RuleOfLawPlan.Domain.Tests.Supervision;

public sealed class ReportingCalendarTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Theory]
    [InlineData(2023, 6, 1, 2023, 6)]
    [InlineData(2023, 6, 24, 2023, 6)]
    [InlineData(2023, 6, 25, 2023, 6)]
    [InlineData(2023, 6, 26, 2023, 7)]
    [InlineData(2023, 6, 30, 2023, 7)]
    public void A_day_up_to_the_25th_reports_for_its_month_and_after_it_for_the_next(int year, int month, int day, int periodYear, int periodMonth)
    {
        var period = new ReportingCalendar().PeriodContaining(D(year, month, day));

        (period.Year, period.Month).ShouldBe((periodYear, periodMonth));
    }

    [Fact]
    public void A_period_runs_from_the_day_after_the_previous_cut_off_to_its_own_cut_off_both_included()
    {
        var june = new ReportingCalendar().PeriodFor(2023, 6);

        june.Start.ShouldBe(D(2023, 5, 26));
        june.CutOff.ShouldBe(D(2023, 6, 25));
        june.Contains(D(2023, 5, 26)).ShouldBeTrue();
        june.Contains(D(2023, 6, 25)).ShouldBeTrue();
        june.Contains(D(2023, 5, 25)).ShouldBeFalse();
        june.Contains(D(2023, 6, 26)).ShouldBeFalse();
    }

    [Fact]
    public void The_days_after_Decembers_cut_off_report_for_January_of_the_next_year()
    {
        var calendar = new ReportingCalendar();

        var january = calendar.PeriodContaining(D(2023, 12, 26));

        (january.Year, january.Month, january.Start, january.CutOff).ShouldBe((2024, 1, D(2023, 12, 26), D(2024, 1, 25)));
        calendar.PeriodContaining(D(2023, 12, 31)).ShouldBe(january);
        calendar.PeriodContaining(D(2024, 1, 1)).ShouldBe(january);
        calendar.PeriodContaining(D(2023, 12, 25)).ShouldBe(calendar.PeriodFor(2023, 12));
        calendar.Previous(january).ShouldBe(calendar.PeriodFor(2023, 12));
        calendar.Next(calendar.PeriodFor(2023, 12)).ShouldBe(january);
    }

    [Fact]
    public void A_cut_off_day_the_month_lacks_falls_on_its_last_day()
    {
        var monthEnd = new ReportingCalendar(31);

        monthEnd.PeriodFor(2023, 2).ShouldBe(monthEnd.PeriodContaining(D(2023, 2, 28)));
        (monthEnd.PeriodFor(2023, 2).Start, monthEnd.PeriodFor(2023, 2).CutOff).ShouldBe((D(2023, 2, 1), D(2023, 2, 28)));
        monthEnd.PeriodFor(2024, 2).CutOff.ShouldBe(D(2024, 2, 29));
        monthEnd.PeriodContaining(D(2023, 3, 1)).Month.ShouldBe(3);

        var thirtieth = new ReportingCalendar(30);
        var february = thirtieth.PeriodContaining(D(2023, 1, 31));
        (february.Month, february.Start, february.CutOff).ShouldBe((2, D(2023, 1, 31), D(2023, 2, 28)));
        thirtieth.PeriodFor(2023, 3).Start.ShouldBe(D(2023, 3, 1));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(25)]
    [InlineData(28)]
    [InlineData(30)]
    [InlineData(31)]
    public void Every_day_falls_in_exactly_one_period_and_periods_follow_each_other_without_gaps(int cutOffDay)
    {
        var calendar = new ReportingCalendar(cutOffDay);
        for (var day = D(2023, 1, 1); day <= D(2024, 12, 31); day = day.AddDays(1))
        {
            var period = calendar.PeriodContaining(day);
            period.Contains(day).ShouldBeTrue();
            period.CutOff.Day.ShouldBe(Math.Min(cutOffDay, DateTime.DaysInMonth(period.Year, period.Month)));
            (period.CutOff.Year, period.CutOff.Month).ShouldBe((period.Year, period.Month));
            calendar.Previous(period).CutOff.AddDays(1).ShouldBe(period.Start);
            calendar.Next(calendar.Previous(period)).ShouldBe(period);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    public void The_cut_off_is_a_day_of_the_month(int cutOffDay)
    {
        Should.Throw<DomainException>(() => new ReportingCalendar(cutOffDay)).Message.ShouldBe("每月报送截止日须在1日到31日之间");
    }
}
