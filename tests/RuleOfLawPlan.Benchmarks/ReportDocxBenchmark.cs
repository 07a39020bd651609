using System.Globalization;
using RuleOfLawPlan.Domain;
using RuleOfLawPlan.Web.Pages.Reports;

/// <summary>
/// Writing the annual report's .docx for a year the size of the performance budget's (300 tasks, 10 000 updates), into a
/// temporary file as the download does. The report is made up here, as large as drafting could make it: every accepted
/// update a paragraph of part 一 under its task, every task a KPI figure, so the figure is the writer's alone; the
/// benchmark of drafting and writing together times <see cref="ReportDocxWriter.Write"/> with <see cref="Timing"/> the same way.
/// </summary>
internal static class ReportDocxBenchmark
{
    public static void Run()
    {
        var report = Report(tasks: 300, updates: 10_000);
        var characters = report.Parts.Sum(p => p.Text.Length);
        long bytes = 0;
        Timing.Measure($"Write the annual report .docx (300 tasks, 10 000 updates, {characters / 1000} K characters)", warmup: 3, runs: 20, () =>
        {
            using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
            ReportDocxWriter.Write(report, file);
            bytes = file.Length;
        });
        Console.WriteLine($"  (.docx of {bytes / 1024} KB)");
    }

    /// <summary>
    /// The five parts for <paramref name="tasks"/> tasks in nine key-work areas and <paramref name="updates"/> updates spread
    /// over them, typed with ASCII punctuation as people do, so the full-width conversion has its share of work.
    /// </summary>
    public static ReportDocument Report(int tasks, int updates)
    {
        var progress = new System.Text.StringBuilder();
        for (var t = 0; t < tasks; t++)
        {
            if (t % (tasks / 9 + 1) == 0) progress.Append('(').Append(ChineseNumerals.Format(t / (tasks / 9 + 1) + 1)).Append(")第").Append(t).Append("个重点领域\n");
            progress.Append(CultureInfo.InvariantCulture, $"{t % 40 + 1}.第{t}项任务.按照年度计划推进,全年完成{t % 100}%.\n");
            progress.Append(CultureInfo.InvariantCulture, $"城市管理行政执法社会满意度 {90 + t % 10}.{t % 10}%,目标≥90%,达标.\n");
            for (var u = t; u < updates; u += tasks)
                progress.Append(CultureInfo.InvariantCulture, $"{2023}年{u % 12 + 1}月,综合执法科开展\"门前三包\"专项整治第{u}次,查处违规行为{u % 50}起,依照《行政处罚法》作出处理.\n");
        }
        static string Lines(int count, string line) =>
            string.Join('\n', Enumerable.Range(1, count).Select(n => string.Format(CultureInfo.InvariantCulture, line, n)));
        return new("日喀则市城市管理和综合执法局2023年度法治政府建设工作情况报告", "日喀则市城市管理和综合执法局", new DateOnly(2024, 1, 15),
        [
            new("一、主要举措和成效", progress.ToString()),
            new("二、存在的不足和原因", Lines(50, "第{0}项指标未达标,执法人员培训覆盖率85%,目标100%.")),
            new("三、党政主要负责人履行推进法治建设第一责任人职责情况", Lines(40, "局党组第{0}次会议听取法治政府建设工作汇报,研究部署相关工作.")),
            new("四、下一年度主要安排", Lines(tasks, "{0}.继续推进依法行政工作.")),
            new("五、其他需要报告的情况", "无."),
        ]);
    }
}
