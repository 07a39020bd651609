namespace RuleOfLawPlan.Domain.Reports;

/// <summary>The five parts every annual report has, in the order 《法治政府建设与责任落实督察工作规定》 sets.</summary>
public static class ReportParts
{
    public const int Count = 5;

    private static readonly string[] Titles =
    [
        "主要举措和成效",
        "存在的不足和原因",
        "党政主要负责人履行推进法治建设第一责任人职责情况",
        "下一年度主要安排",
        "其他需要报告的情况",
    ];

    /// <summary>"主要举措和成效" for part 1.</summary>
    public static string Title(int number) => IsPart(number) ? Titles[number - 1] : throw new DomainException("报告只有第一至第五部分");

    /// <summary>"一、主要举措和成效": the level-1 heading as printed.</summary>
    public static string Heading(int number) => $"{ChineseNumerals.Format(number)}、{Title(number)}";

    public static bool IsPart(int number) => number is >= 1 and <= Count;

    public static IEnumerable<int> Numbers => Enumerable.Range(1, Count);
}
