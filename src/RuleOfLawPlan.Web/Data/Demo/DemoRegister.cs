using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Activities;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data.Evidence;

namespace RuleOfLawPlan.Web.Data.Demo;

/// <summary>
/// Development only: a plausible 2023 领导履职台账, so the register and part 三 of the annual report have something to show —
/// 党组会议 hearing rule-of-law work 4×, 领导小组会议 2×, 理论学习中心组学法 4×, 每周一学 monthly, 述法 1×, 合法性审查 3×,
/// some with minutes or opinions (small PDFs made in code), some linked to tasks. Titles and summaries end in
/// <see cref="DemoYear.Marker"/>. It runs only while the 2023 plan's register is empty, so a second start adds nothing.
/// </summary>
public static class DemoRegister
{
    private const string Secretary = "局党组书记、局长";
    private const string Recorder = DemoYear.Reviewer;

    /// <summary>One entry: kind, day, title, chair, summary, whether it has a file (and its name), the tasks it served ((area, number)).</summary>
    private sealed record Entry(LeadershipActivityKind Kind, int Month, int Day, string Title, string ChairedBy, string Summary,
        string? FileName = null, params (int Area, int? Number)[] Tasks);

    private static readonly string[] WeeklyTopics =
    [
        "《中华人民共和国宪法》", "《中华人民共和国民法典》总则编", "《中华人民共和国行政处罚法》", "《中华人民共和国行政强制法》",
        "《重大行政决策程序暂行条例》", "《城市管理执法办法》", "《中华人民共和国行政许可法》", "《政府信息公开条例》",
        "修订后的《中华人民共和国行政复议法》", "《西藏自治区重大行政决策程序暂行规定》", "《中华人民共和国行政诉讼法》", "《法治政府建设实施纲要（2021—2025年）》",
    ];

    private static IEnumerable<Entry> Entries()
    {
        yield return new(LeadershipActivityKind.PartyGroupMeeting, 3, 14, "局党组会议研究审议2023年度法治政府建设工作计划", Secretary,
            "审议通过《2023年度法治政府建设工作计划》，明确九个方面重点工作和责任科室，要求各科室对照任务分解表按月报送进展。", "党组会议纪要（3月）.pdf", (1, null), (2, null));
        yield return new(LeadershipActivityKind.PartyGroupMeeting, 7, 11, "局党组会议听取上半年法治政府建设工作情况汇报", Secretary,
            "听取政策法规办关于上半年计划执行情况的汇报，对进度滞后的任务提出督办要求，部署下半年立法和执法规范化工作。", "党组会议纪要（7月）.pdf", (2, null), (4, 1));
        yield return new(LeadershipActivityKind.PartyGroupMeeting, 10, 17, "局党组会议专题研究行政执法规范化建设", Secretary,
            "专题研究行政执法三项制度落实和涉企行政执法问题，要求重大执法决定法制审核全覆盖，法制审核人员配备不低于5%。", null, (6, 1));
        yield return new(LeadershipActivityKind.PartyGroupMeeting, 12, 26, "局党组会议听取2023年度法治政府建设工作情况汇报", Secretary,
            "听取年度法治政府建设工作总结，研究年度报告起草和2024年工作安排，对未办结任务明确责任和时限。", "党组会议纪要（12月）.pdf", (1, null), (2, null));
        yield return new(LeadershipActivityKind.LeadingGroupMeeting, 4, 20, "法治政府建设领导小组2023年第一次会议", "领导小组组长、局长",
            "部署年度法治政府建设工作，逐项落实牵头科室、配合科室和完成时限，明确领导小组办公室督查督办职责。", "领导小组会议纪要（4月）.pdf", (2, null));
        yield return new(LeadershipActivityKind.LeadingGroupMeeting, 11, 28, "法治政府建设领导小组2023年第二次会议", "领导小组组长、局长",
            "通报各科室任务完成情况和指标达成情况，对两项逾期任务进行督办，研究年度报告编报和公开工作。", null, (2, null));
        yield return new(LeadershipActivityKind.CentralGroupStudy, 3, 28, "党组理论学习中心组专题学习习近平法治思想", "局党组书记",
            "集中学习习近平法治思想和党的二十大关于全面依法治国的部署，班子成员结合分管工作交流发言。", "中心组学习记录（3月）.pdf", (1, null));
        yield return new(LeadershipActivityKind.CentralGroupStudy, 6, 27, "党组理论学习中心组学习《中华人民共和国行政处罚法》", "局党组书记",
            "邀请法律顾问解读行政处罚法修订要点，结合城市管理执法案例研讨首违不罚和免罚轻罚清单。", null, (1, null), (6, 5));
        yield return new(LeadershipActivityKind.CentralGroupStudy, 9, 19, "党组理论学习中心组学习修订后的《中华人民共和国行政复议法》", "局党组书记",
            "学习行政复议法修订内容，研究加强行政复议应诉工作和败诉案件分析。", null, (7, 3));
        yield return new(LeadershipActivityKind.CentralGroupStudy, 11, 21, "党组理论学习中心组学习习近平总书记关于西藏工作的重要论述", "局党组书记",
            "学习新时代党的治藏方略，研讨以法治方式推进城市管理领域治理。", null, (1, null));
        for (var month = 1; month <= 12; month++)
        {
            var day = FirstMonday(month);
            yield return new(LeadershipActivityKind.WeeklyStudy, month, day.Day, $"“每周一学”：{WeeklyTopics[month - 1]}", "分管副局长",
                $"局机关干部职工集中学习{WeeklyTopics[month - 1]}，由政策法规办领学并结合执法实际讨论。", null, month % 3 == 0 ? [(6, 5)] : []);
        }
        yield return new(LeadershipActivityKind.ReportOnLaw, 12, 22, "局主要负责人2023年度述法", Secretary,
            "在年度考核会议上报告履行推进法治建设第一责任人职责情况，包括重大事项决策前学法、重大执法决定法制审核和行政应诉出庭情况。", "2023年度述法报告.pdf", (2, null));
        yield return new(LeadershipActivityKind.LegalityReview, 5, 16, "《日喀则市建筑垃圾管理办法（草案）》合法性审查", "政策法规办（法律顾问参与）",
            "对草案的制定权限、内容和程序进行审查，提出修改意见七条，已全部采纳后报送市司法局。", "合法性审查意见书（建筑垃圾管理办法）.pdf", (4, 1));
        yield return new(LeadershipActivityKind.LegalityReview, 8, 8, "城区占道经营集中整治实施方案合法性审查", "政策法规办（法律顾问参与）",
            "审查整治方案涉及的行政强制措施和处罚裁量基准，建议补充事先告知和听证程序。", "合法性审查意见书（占道经营整治）.pdf", (5, 5));
        yield return new(LeadershipActivityKind.LegalityReview, 10, 24, "户外广告设施设置规划合法性审查", "政策法规办（法律顾问参与）",
            "审查规划的公众参与和风险评估材料，认为程序完备，同意提交局务会集体讨论。", null, (8, 1));
    }

    public static async Task EnsureAsync(PlanDb db, CancellationToken ct)
    {
        var plan = await db.Plans.Where(p => p.Year == DemoYear.Year && p.Status == PlanStatus.Active).FirstOrDefaultAsync(ct);
        if (plan is null || await db.LeadershipActivities.AnyAsync(a => a.WorkPlanId == plan.Id, ct)) return;
        var tasks = await db.Tasks.Where(t => t.WorkPlanId == plan.Id).Include(t => t.Area).ToListAsync(ct);
        PlanTask? Task((int Area, int? Number) at) => tasks.FirstOrDefault(t => t.Area.Ordinal == at.Area && t.Number == at.Number);

        var files = new List<(ActivityEvidenceFile File, byte[] Content)>();
        foreach (var (entry, index) in Entries().Select((e, i) => (e, i)))
        {
            var heldOn = new DateOnly(DemoYear.Year, entry.Month, entry.Day);
            var at = DemoYear.At(heldOn.AddDays(1), 10);
            var activity = new LeadershipActivity(plan, entry.Kind, heldOn, entry.Title + DemoYear.Marker, entry.ChairedBy,
                entry.Summary + DemoYear.Marker, [.. entry.Tasks.Select(Task).OfType<PlanTask>()], Recorder, at);
            if (entry.FileName is { } name)
            {
                var content = SampleFiles.Pdf(string.Create(CultureInfo.InvariantCulture, $"Sample record {index + 1}, {heldOn:yyyy-MM-dd}"));
                var fileName = name.Replace(".pdf", DemoYear.Marker + ".pdf", StringComparison.Ordinal);
                files.Add((activity.AttachEvidence(fileName, EvidenceKind.Pdf, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)),
                    Recorder, at), content));
            }
            db.LeadershipActivities.Add(activity);
        }
        // The files' rows and their content are one transaction, as when the office uploads them.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var (file, content) in files)
        {
            await using var stream = new MemoryStream(content, writable: false);
            await EvidenceStore.WriteAsync(db, EvidenceStore.ChunkTable.Activities, file.Id, stream, ct);
        }
        await transaction.CommitAsync(ct);
    }

    private static DateOnly FirstMonday(int month)
    {
        var day = new DateOnly(DemoYear.Year, month, 1);
        while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(1);
        return day;
    }
}
