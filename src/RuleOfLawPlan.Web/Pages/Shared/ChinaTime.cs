namespace RuleOfLawPlan.Web.Pages.Shared;

/// <summary>The bureau's clock: instants are stored in UTC and shown, and days counted, in Asia/Shanghai.</summary>
public static class ChinaTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Local(clock.GetUtcNow()).DateTime);

    /// <summary>The instant a Shanghai calendar day begins.</summary>
    public static DateTimeOffset StartOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();

    /// <summary>"2023年6月1日 14:05".</summary>
    public static string Format(DateTimeOffset instant)
    {
        var local = Local(instant);
        return $"{local.Year}年{local.Month}月{local.Day}日 {local:HH:mm}";
    }
}
