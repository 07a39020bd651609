using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Tests.Tasks;

/// <summary>填报指标数据: the figures each kind of KPI needs, 达标/未达标/无数据 where the KPI shows, and who may record.</summary>
public sealed class KpiReadingTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Url(int taskId, int kpiId) => $"/tasks/{taskId}/kpis/{kpiId}/readings";

    private static Dictionary<string, string> Form(string source = "年度满意度测评报告", string asOf = "2023-12-31", params (string Field, string Value)[] figures)
    {
        var form = new Dictionary<string, string> { ["Form.AsOf"] = asOf, ["Form.Source"] = source };
        foreach (var (field, value) in figures) form["Form." + field] = value;
        return form;
    }

    private async Task<List<KpiReading>> ReadingsAsync(int kpiId)
    {
        await using var db = app.CreateDb();
        return await db.KpiReadings.AsNoTracking().Where(r => r.KpiId == kpiId).OrderBy(r => r.Id).ToListAsync(Ct);
    }

    private async Task<IElement> KpiSectionAsync(string user, int taskId, int kpiId)
    {
        var page = await (await (await app.UserAsync(user)).GetAsync($"/tasks/{taskId}", Ct)).HtmlAsync();
        return page.QuerySelector($"[data-testid=kpi-section][data-kpi-id='{kpiId}']")!;
    }

    [Fact]
    public async Task The_lead_section_records_a_percentage_and_the_kpi_is_met_on_the_task_page_and_the_overview()
    {
        var (taskId, satisfaction, _, _) = await app.NewTaskWithKpisAsync();
        var client = await app.UserAsync("section");

        var form = await (await client.GetAsync(Url(taskId, satisfaction), Ct)).HtmlAsync();
        form.QuerySelector("input[name='Form.Percent']").ShouldNotBeNull();
        form.QuerySelector("input[name='Form.Numerator']").ShouldBeNull();
        form.QuerySelector("input[name='Form.AsOf']")!.GetAttribute("value").ShouldNotBeNullOrEmpty();
        var response = await client.PostFormAsync(Url(taskId, satisfaction), Form(figures: ("Percent", "92.5")));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var reading = (await ReadingsAsync(satisfaction)).ShouldHaveSingleItem();
        reading.Percent.ShouldBe(92.5m);
        reading.AsOf.ShouldBe(new DateOnly(2023, 12, 31));
        reading.Source.ShouldBe("年度满意度测评报告");
        reading.RecordedBy.ShouldBe("综合执法科科长");
        var section = await KpiSectionAsync("viewer", taskId, satisfaction);
        section.QuerySelector("[data-testid=kpi-attainment]")!.TextContent.ShouldBe("达标");
        section.QuerySelector("[data-testid=kpi-figures]")!.TextContent.Trim().ShouldBe("92.5%");
        section.QuerySelectorAll("[data-testid=kpi-reading]").Length.ShouldBe(1);

        int planId;
        await using (var db = app.CreateDb())
            planId = await db.Tasks.Where(t => t.Id == taskId).Select(t => t.WorkPlanId).SingleAsync(Ct);
        var overview = await (await (await app.UserAsync("viewer")).GetAsync($"/plans/{planId}", Ct)).HtmlAsync();
        var badge = overview.QuerySelector($"[data-testid=kpi][data-kpi-id='{satisfaction}']")!;
        badge.QuerySelector("[data-testid=kpi-attainment]")!.TextContent.ShouldBe("达标");
        badge.QuerySelector("[data-testid=kpi-latest]")!.TextContent.ShouldContain("92.5%");
        badge.QuerySelector("[data-testid=kpi-latest]")!.TextContent.ShouldContain("2023年12月31日");
    }

    [Fact]
    public async Task The_office_records_a_ratio_and_a_later_reading_for_the_same_day_decides_with_both_in_the_history()
    {
        var (taskId, _, reviewers, _) = await app.NewTaskWithKpisAsync();
        var office = await app.UserAsync("office");

        (await office.PostFormAsync(Url(taskId, reviewers), Form("人事科花名册", figures: [("Numerator", "4"), ("Denominator", "80")])))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await KpiSectionAsync("viewer", taskId, reviewers)).QuerySelector("[data-testid=kpi-attainment]")!.TextContent.ShouldBe("达标");
        (await office.PostFormAsync(Url(taskId, reviewers), Form("人事科花名册（更正）", figures: [("Numerator", "3"), ("Denominator", "80")])))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var section = await KpiSectionAsync("viewer", taskId, reviewers);
        section.QuerySelector("[data-testid=kpi-attainment]")!.TextContent.ShouldBe("未达标");
        section.QuerySelectorAll("[data-testid=kpi-figures]").Select(f => f.TextContent.Trim()).ShouldBe(["3/80（3.75%）", "4/80（5%）"]);
        (await ReadingsAsync(reviewers)).Select(r => (r.Numerator, r.Denominator, r.RecordedBy)).ShouldBe([(4, 80, "政策法规办干部"), (3, 80, "政策法规办干部")]);
    }

    [Theory]
    [InlineData("4", "5", "达标")]
    [InlineData("5", "5", "未达标")]
    [InlineData("0", "0", "未达标")]
    public async Task A_year_on_year_count_is_met_only_when_it_falls(string thisYear, string lastYear, string shown)
    {
        var (taskId, _, _, lawsuits) = await app.NewTaskWithKpisAsync();

        (await (await app.UserAsync("section")).PostFormAsync(Url(taskId, lawsuits),
            Form("法院案件统计", figures: [("ThisYearCount", thisYear), ("LastYearCount", lastYear)]))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var section = await KpiSectionAsync("viewer", taskId, lawsuits);
        section.QuerySelector("[data-testid=kpi-attainment]")!.TextContent.ShouldBe(shown);
        section.QuerySelector("[data-testid=kpi-figures]")!.TextContent.Trim().ShouldBe($"本年{thisYear}，上年{lastYear}");
    }

    [Fact]
    public async Task A_kpi_without_readings_shows_no_data()
    {
        var (taskId, satisfaction, _, _) = await app.NewTaskWithKpisAsync();

        var section = await KpiSectionAsync("viewer", taskId, satisfaction);

        section.QuerySelector("[data-testid=kpi-attainment]")!.TextContent.ShouldBe("无数据");
        section.QuerySelectorAll("[data-testid=kpi-reading]").ShouldBeEmpty();
        section.QuerySelector("[data-testid=record-kpi]").ShouldBeNull("a viewer may not record");
    }

    public static TheoryData<string, string, string, string> BadInput => new()
    {
        { "Reviewers", "Denominator", "0", "分母须大于0" },
        { "Reviewers", "Denominator", "", "请填写分母" },
        { "Reviewers", "Numerator", "九", "“九”不是有效的值" },
        { "Reviewers", "Numerator", "81", "分子不能大于分母" },
        { "Satisfaction", "Percent", "100.5", "百分比须在0到100之间" },
        { "Satisfaction", "Percent", "90.555", "百分比最多保留两位小数" },
        { "Satisfaction", "Percent", "九十", "“九十”不是有效的值" },
        { "Satisfaction", "Percent", "", "请填写百分比" },
        { "Lawsuits", "LastYearCount", "", "请填写上年数" },
        { "Lawsuits", "ThisYearCount", "-1", "计数不能为负数" },
        { "Satisfaction", "Source", " ", "请填写数据来源" },
        { "Satisfaction", "AsOf", "2999-01-01", "截至日期不能晚于今天" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_chinese_message_and_stores_nothing(string kpi, string field, string value, string message)
    {
        var (taskId, satisfaction, reviewers, lawsuits) = await app.NewTaskWithKpisAsync();
        var (kpiId, form) = kpi switch
        {
            "Satisfaction" => (satisfaction, Form(figures: ("Percent", "95"))),
            "Reviewers" => (reviewers, Form(figures: [("Numerator", "4"), ("Denominator", "80")])),
            _ => (lawsuits, Form(figures: [("ThisYearCount", "3"), ("LastYearCount", "5")])),
        };
        form["Form." + field] = value;
        var audits = await app.AuditCountAsync();

        var response = await (await app.UserAsync("section")).PostFormAsync(Url(taskId, kpiId), form);

        // A value that is not a number cannot be read at all: 400, the form shown again with the message (like every form).
        response.StatusCode.ShouldBe(message.EndsWith("不是有效的值", StringComparison.Ordinal) ? HttpStatusCode.BadRequest : HttpStatusCode.OK);
        var page = await response.HtmlAsync();
        page.QuerySelector($"[data-valmsg-for='Form.{field}']")!.TextContent.ShouldBe(message);
        (await ReadingsAsync(kpiId)).ShouldBeEmpty();
        (await app.AuditCountAsync()).ShouldBe(audits);
    }

    [Theory]
    [InlineData("section2")]
    [InlineData("leader")]
    [InlineData("viewer")]
    public async Task Only_the_lead_section_and_the_office_may_record(string user)
    {
        // 市容环境卫生管理科 (section2) supports the task: it reports progress on it but does not record its KPIs.
        var (taskId, satisfaction, _, _) = await app.NewTaskWithKpisAsync();
        var client = await app.UserAsync(user);

        (await client.GetAsync(Url(taskId, satisfaction), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostFormAsync(Url(taskId, satisfaction), Form(figures: ("Percent", "95")))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await ReadingsAsync(satisfaction)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_section_head_of_another_section_gets_403()
    {
        var (taskId, satisfaction, _, _) = await app.NewTaskWithKpisAsync();
        await using (var db = app.CreateDb())
        {
            var task = await db.Tasks.Include(t => t.Plan).Include(t => t.Supports).SingleAsync(t => t.Id == taskId, Ct);
            var other = await db.Sections.Where(s => s.Name == "政策法规办").Select(s => s.Id).SingleAsync(Ct);
            task.Assign(other, [], null, null, null);
            await db.SaveChangesAsync(Ct);
        }

        var response = await (await app.UserAsync("section")).PostFormAsync(Url(taskId, satisfaction), Form(figures: ("Percent", "95")));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ReadingsAsync(satisfaction)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_kpi_of_another_task_is_not_found()
    {
        var (taskId, _, _, _) = await app.NewTaskWithKpisAsync();
        var (_, otherKpi, _, _) = await app.NewTaskWithKpisAsync();

        (await (await app.UserAsync("office")).GetAsync(Url(taskId, otherKpi), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_tasks_history_shows_the_reading_in_chinese()
    {
        var (taskId, satisfaction, _, _) = await app.NewTaskWithKpisAsync();

        (await (await app.UserAsync("section")).PostFormAsync(Url(taskId, satisfaction), Form("满意度测评", figures: ("Percent", "91"))))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await (await (await app.UserAsync("office")).GetAsync($"/tasks/{taskId}", Ct)).HtmlAsync();
        var entry = page.QuerySelectorAll("[data-testid=history-entry]")[0];
        var text = string.Join(' ', entry.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        text.ShouldContain("综合执法科科长");
        text.ShouldContain("新增指标数据");
        text.ShouldContain("指标 城市管理行政执法社会满意度");
        text.ShouldContain("百分比 91");
        text.ShouldContain("数据来源 满意度测评");
        text.ShouldContain("截至日期 2023年12月31日");
        text.ShouldNotContain("KpiReading");
        text.ShouldNotContain(satisfaction.ToString(CultureInfo.InvariantCulture) + " ");
    }
}
