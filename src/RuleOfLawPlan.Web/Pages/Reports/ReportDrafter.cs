using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Domain.Reports;
using RuleOfLawPlan.Domain.Supervision;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;

namespace RuleOfLawPlan.Web.Pages.Reports;

/// <summary>
/// Drafts the five parts of a plan year's annual report from the record, as of the year's last day: part 一 one section
/// per key-work area from its tasks' accepted updates, completed deliverables and KPI results; part 二 from the KPIs not
/// met and the tasks overdue or behind (the lights of <see cref="SupervisionQuery"/>); part 三 from the 领导履职台账
/// (<see cref="LeadershipRegister"/>); part 四 from next year's plan
/// when there is one; placeholders where the record says nothing. Every paragraph carries its source. A part that would
/// be longer than <see cref="DraftBudget.PartLength"/> (a city-wide plan) is summarised per section instead of cut off:
/// the figures, the most significant items, and how many more there are and where. The round-trips
/// are fixed whatever the plan's size (one query per collection level; updates are picked in memory from their facts,
/// then only the chosen ones' texts are read). What it writes is the bureau's Chinese document, not UI text.
/// </summary>
public sealed class ReportDrafter(PlanDb db, SupervisionQuery supervision)
{
    private sealed record PlanRow(int Id, int Year, int OrganizationId);

    private sealed record TaskRow(int Id, int AreaOrdinal, string AreaTitle, int SortOrder, int? Number, string Title,
        int? LeadSectionId, DateOnly? Deadline, PlanTaskStatus Status, int Percent, TaskTargets Targets);

    private sealed record UpdateFacts(long Id, int TaskId, int SectionId, DateOnly AsOf, DateTimeOffset RecordedAt,
        ReviewState Review, long? SupersedesId);

    private sealed record UpdateText(long Id, int Percent, string Summary);

    private sealed record NextArea(int Ordinal, string Title, List<NextTask> Tasks);

    private sealed record NextTask(int? Number, string Title);

    /// <summary>"日喀则市城市管理和综合执法局2023年度法治政府建设工作情况报告".</summary>
    public static string TitleFor(string organ, int year) => $"{organ}{year}年度法治政府建设工作情况报告";

    /// <summary>The Word file's name: the title, and the revision from the second on.</summary>
    public static string FileName(string title, int revision) => title + (revision > 1 ? $"（第{revision}版）" : "") + ".docx";

    /// <summary>The five parts drafted from the record of the plan's year; null when there is no such plan.</summary>
    public async Task<IReadOnlyList<DraftedPart>?> DraftAsync(int planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new PlanRow(p.Id, p.Year, p.OrganizationId)).SingleOrDefaultAsync(ct);
        if (plan is null) return null;
        var yearEnd = new DateOnly(plan.Year, 12, 31);
        var kpiRows = TaskTargets.KpiRows(yearEnd);

        var tasks = await db.Tasks.AsNoTracking().Where(t => t.WorkPlanId == planId)
            .OrderBy(t => t.Area.Ordinal).ThenBy(t => t.SortOrder)
            .Select(t => new TaskRow(t.Id, t.Area.Ordinal, t.Area.Title, t.SortOrder, t.Number, t.Title, t.LeadSectionId,
                t.Deadline, t.Status, t.PercentComplete,
                new TaskTargets(
                    t.Kpis.AsQueryable().OrderBy(k => k.Id).Select(kpiRows).ToList(),
                    t.Deliverables.OrderBy(d => d.Id).Select(d => new TaskTargets.Deliverable(d.Name, d.Action)).ToList())))
            .AsSplitQuery()
            .ToListAsync(ct);

        var facts = await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.AsOf <= yearEnd && db.Tasks.Any(t => t.Id == u.PlanTaskId && t.WorkPlanId == planId))
            .Select(u => new UpdateFacts(u.Id, u.PlanTaskId, u.SectionId, u.AsOf, u.RecordedAt, u.Review, u.SupersedesId))
            .ToListAsync(ct);
        var chosen = ChooseUpdates(tasks, facts);
        var chosenIds = chosen.Values.Select(u => u.Id).ToList();
        var texts = await db.ProgressUpdates.AsNoTracking().Where(u => chosenIds.Contains(u.Id))
            .Select(u => new UpdateText(u.Id, u.Percent, u.Summary))
            .ToDictionaryAsync(u => u.Id, ct);

        var lights = await supervision.AssessPlanAsync(planId, yearEnd, ct);
        var next = await db.Plans.AsNoTracking()
            .Where(p => p.OrganizationId == plan.OrganizationId && p.Year == plan.Year + 1)
            .OrderByDescending(p => p.Id)
            .Select(p => p.Areas.OrderBy(a => a.Ordinal)
                .Select(a => new NextArea(a.Ordinal, a.Title, a.Tasks.OrderBy(t => t.SortOrder).Select(t => new NextTask(t.Number, t.Title)).ToList()))
                .ToList())
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        var sections = await SectionNames.LoadAsync(db, ct);
        var register = await LeadershipRegister.ByKindAsync(db, planId, ct);

        return
        [
            new DraftedPart(1, Achievements(tasks, chosen, texts, sections, yearEnd)),
            new DraftedPart(2, Shortcomings(tasks, lights, sections, yearEnd)),
            new DraftedPart(3, LeadersDuties(register)),
            new DraftedPart(4, NextYear(plan.Year + 1, next)),
            new DraftedPart(5, [new DraftParagraph("（请办公室填写其他需要报告的情况；如无，填写“无”。）", "")]),
        ];
    }

    /// <summary>
    /// Per task, the update its paragraph is drafted from: the lead section's figure as of the year's end (its accepted
    /// update with the latest as-of date that no accepted correction replaces, as <see cref="PlanTask.CurrentUpdate"/>
    /// picks it), else the latest such update of a supporting section.
    /// </summary>
    private static Dictionary<int, UpdateFacts> ChooseUpdates(List<TaskRow> tasks, List<UpdateFacts> facts)
    {
        var correctionOf = facts.Where(u => u.SupersedesId is not null).ToLookup(u => u.SupersedesId!.Value);
        bool Replaced(UpdateFacts update)
        {
            for (var next = correctionOf[update.Id].FirstOrDefault(); next is not null; next = correctionOf[next.Id].FirstOrDefault())
                if (next.Review == ReviewState.Accepted) return true;
            return false;
        }

        var standing = facts.Where(u => u.Review == ReviewState.Accepted && !Replaced(u))
            .OrderBy(u => u.AsOf).ThenBy(u => u.RecordedAt).ThenBy(u => u.Id)
            .ToLookup(u => u.TaskId);
        var chosen = new Dictionary<int, UpdateFacts>();
        foreach (var task in tasks)
        {
            var updates = standing[task.Id].ToList();
            if ((updates.LastOrDefault(u => u.SectionId == task.LeadSectionId) ?? updates.LastOrDefault()) is { } update)
                chosen[task.Id] = update;
        }
        return chosen;
    }

    /// <summary>
    /// Part 一: per area its tasks, each with the update chosen for it, its deliverables when done and its KPI figures. When
    /// they do not all fit, an area says how many tasks it has, how many are done and its figures, then the tasks with
    /// results first (done with deliverables or figures, then done, then the furthest along).
    /// </summary>
    private static List<DraftParagraph> Achievements(List<TaskRow> tasks, Dictionary<int, UpdateFacts> chosen,
        Dictionary<long, UpdateText> texts, SectionNames sections, DateOnly yearEnd)
    {
        if (tasks.Count == 0) return [new DraftParagraph("（本计划没有任务，请办公室填写主要举措和成效。）", "")];
        var areas = new List<DraftSection>();
        foreach (var area in tasks.GroupBy(t => (t.AreaOrdinal, t.AreaTitle)))
        {
            var items = new List<DraftItem>();
            foreach (var task in area)
            {
                var paragraphs = new List<DraftParagraph>();
                var lead = task.Number is null ? "" : Sentence(Labels.NumberedTitle(task.Number, task.Title), end: true);
                var reported = chosen.TryGetValue(task.Id, out var update) && texts.ContainsKey(update.Id);
                if (reported)
                {
                    var text = texts[update!.Id];
                    paragraphs.Add(new DraftParagraph(lead + OneParagraph(text.Summary),
                        $"进展 #{update.Id}：{sections.Of(update.SectionId)}报送，截至{Labels.ChineseDate(update.AsOf)}，进度{text.Percent}%，已采纳",
                        task.Id));
                }
                else
                {
                    paragraphs.Add(new DraftParagraph(lead + "（本年度没有已采纳的进展，请办公室补充。）",
                        $"任务 #{task.Id}：截至年底没有已采纳的进展", task.Id));
                }
                var done = task.Status == PlanTaskStatus.Completed;
                if (done)
                {
                    foreach (var deliverable in task.Targets.Deliverables)
                    {
                        paragraphs.Add(new DraftParagraph(DeliverableSentence(deliverable),
                            $"成果：任务 #{task.Id}「{task.Title}」已办结", task.Id));
                    }
                }
                var figures = task.Targets.Kpis.Where(k => k.Latest is not null).ToList();
                foreach (var kpi in figures)
                    paragraphs.Add(new DraftParagraph(KpiSentence(kpi) + "。", ReadingSource(kpi.Latest!), task.Id));

                var results = (done && task.Targets.Deliverables.Count > 0) || figures.Count > 0;
                var rank = results ? 0 : done ? 1 : reported ? 2 : 3;
                items.Add(new DraftItem(paragraphs, rank * 101 + 100 - task.Percent));
            }
            areas.Add(new DraftSection(
                [new DraftParagraph(Labels.AreaOrdinal(area.Key.AreaOrdinal) + Sentence(area.Key.AreaTitle, end: false), "")],
                items,
                [AreaSummary([.. area], yearEnd)],
                left => new DraftParagraph($"（本方面另有{left}项任务未逐项列入草稿，其进展、成果和指标数据详见工作台账。）",
                    $"工作台账：本方面{left}项任务未逐项列出")));
        }
        return DraftBudget.Fit(areas, Cut("其余方面的任务", "工作台账"));
    }

    /// <summary>"本方面共120项任务，截至年底已完成100项，其余20项平均进度65%；…": an area's figures when its tasks are not all listed.</summary>
    private static DraftParagraph AreaSummary(List<TaskRow> tasks, DateOnly yearEnd)
    {
        var done = tasks.Where(t => t.Status == PlanTaskStatus.Completed).ToList();
        var open = tasks.Where(t => t.Status != PlanTaskStatus.Completed).ToList();
        var text = $"本方面共{tasks.Count}项任务，截至年底已完成{done.Count}项";
        if (open.Count > 0) text += $"，其余{open.Count}项平均进度{(int)Math.Round(open.Average(t => t.Percent))}%";
        var deliverables = done.Sum(t => t.Targets.Deliverables.Count);
        if (deliverables > 0) text += $"；完成制度成果{deliverables}件";
        var read = tasks.SelectMany(t => t.Targets.Kpis).Where(k => k.Latest is not null).ToList();
        if (read.Count > 0) text += $"；{read.Count}项量化指标有数据，其中{read.Count(k => k.Attainment == KpiAttainment.Met)}项达标";
        return new DraftParagraph(text + "。", $"工作台账：本方面{tasks.Count}项任务截至{Labels.ChineseDate(yearEnd)}的状态和指标数据");
    }

    /// <summary>
    /// Part 二: the KPIs not met and the tasks off track (red before yellow), then the analysis left to the office. When they
    /// do not all fit, each list says how many there are and lists the first.
    /// </summary>
    private static List<DraftParagraph> Shortcomings(List<TaskRow> tasks, IReadOnlyDictionary<int, SupervisionAssessment> lights,
        SectionNames sections, DateOnly yearEnd)
    {
        var parts = new List<DraftSection>();
        var heading = 0;
        var unmet = tasks.SelectMany(t => t.Targets.Kpis.Where(k => k.Attainment != KpiAttainment.Met).Select(k => (Task: t, Kpi: k))).ToList();
        if (unmet.Count > 0)
        {
            var items = unmet.Select(x => new DraftItem([x.Kpi.Latest is { } reading
                ? new DraftParagraph(KpiSentence(x.Kpi) + "，差距需在下一年度补齐。", ReadingSource(reading), x.Task.Id)
                : new DraftParagraph($"{x.Kpi.Name}截至年底没有数据，目标{Target(x.Kpi)}。", $"指标 #{x.Kpi.Id}：截至{Labels.ChineseDate(yearEnd)}没有指标数据", x.Task.Id)],
                x.Kpi.Latest is null ? 1 : 0)).ToList();
            var missing = unmet.Count(x => x.Kpi.Latest is null);
            parts.Add(new DraftSection(
                [new DraftParagraph(Labels.AreaOrdinal(++heading) + "部分量化指标未达到目标", "")],
                items,
                [new DraftParagraph($"共{unmet.Count}项量化指标未达到目标" + (missing > 0 ? $"，其中{missing}项截至年底没有数据。" : "。"),
                    $"指标数据：截至{Labels.ChineseDate(yearEnd)}")],
                left => new DraftParagraph($"（另有{left}项未达标的指标未逐项列入草稿，详见工作台账的指标数据。）", $"指标数据：{left}项未逐项列出")));
        }
        var offTrack = tasks.Where(t => lights.TryGetValue(t.Id, out var light) && light.Light is SupervisionLight.Red or SupervisionLight.Yellow)
            .OrderBy(t => lights[t.Id].Light).ThenBy(t => t.AreaOrdinal).ThenBy(t => t.SortOrder).ToList();
        if (offTrack.Count > 0)
        {
            var items = offTrack.Select((task, i) =>
            {
                var light = lights[task.Id];
                var deadline = task.Deadline is { } due ? $"完成时限为{Labels.ChineseDate(due)}，" : "为常态化任务，";
                return new DraftItem([new DraftParagraph(
                    $"“{task.Title}”{deadline}截至年底进度{task.Percent}%，{Labels.Of(light.Reason)}（牵头科室：{sections.Of(task.LeadSectionId)}）。",
                    $"督办：{Labels.Of(light.Light)}（{Labels.Of(light.Reason)}），截至{Labels.ChineseDate(yearEnd)}", task.Id)], i);
            }).ToList();
            var red = offTrack.Count(t => lights[t.Id].Light == SupervisionLight.Red);
            parts.Add(new DraftSection(
                [new DraftParagraph(Labels.AreaOrdinal(++heading) + "部分任务未按期完成", "")],
                items,
                [new DraftParagraph($"共{offTrack.Count}项任务未按期完成或进度滞后，其中{Labels.Of(SupervisionLight.Red)}{red}项、{Labels.Of(SupervisionLight.Yellow)}{offTrack.Count - red}项。",
                    $"督办：截至{Labels.ChineseDate(yearEnd)}")],
                left => new DraftParagraph($"（另有{left}项任务未逐项列入草稿，详见工作台账。）", $"督办：{left}项任务未逐项列出")));
        }
        parts.Add(new DraftSection(heading > 0
            ? [new DraftParagraph(Labels.AreaOrdinal(++heading) + "原因分析", ""), new DraftParagraph("（请办公室分析上述不足的原因。）", "")]
            : [new DraftParagraph("（所有指标达标、任务按期完成。请办公室填写存在的不足和原因。）", "")], []));
        return DraftBudget.Fit(parts, Cut("其余指标和任务", "工作台账"));
    }

    /// <summary>Part 三 from the 领导履职台账: per kind held, a heading with how often, then each entry with its summary.</summary>
    private static List<DraftParagraph> LeadersDuties(IReadOnlyList<LeadershipRegister.KindGroup> register)
    {
        var held = register.Where(g => g.Count > 0).ToList();
        if (held.Count == 0)
            return [new DraftParagraph("（领导履职台账没有记录。请办公室填写：党组、领导小组会议研究法治工作，理论学习中心组学法，领导干部述法，重大决策合法性审查等情况。）", "")];
        var kinds = held.Select((group, i) => new DraftSection(
            [new DraftParagraph($"{Labels.AreaOrdinal(i + 1)}{Labels.Of(group.Kind)}（全年{group.Count}次）", "")],
            [.. group.Entries.Select((entry, n) => new DraftItem([new DraftParagraph(
                $"{entry.HeldOn.Month}月{entry.HeldOn.Day}日，{Sentence(entry.Title, end: false)}，{entry.ChairedBy}主持。{OneParagraph(entry.Summary)}",
                $"领导履职台账 #{entry.Id}：{Labels.Of(entry.Kind)}，{Labels.ChineseDate(entry.HeldOn)}",
                entry.Tasks.Count > 0 ? entry.Tasks[0].Id : null)], n))],
            More: left => new DraftParagraph($"（另有{left}次未逐项列入草稿，详见领导履职台账。）", $"领导履职台账：{left}次未逐项列出"))).ToList();
        return DraftBudget.Fit(kinds, Cut("其余记录", "领导履职台账"));
    }

    private static List<DraftParagraph> NextYear(int year, List<NextArea>? areas)
    {
        if (areas is null || areas.Count == 0)
            return [new DraftParagraph($"（{year}年度工作计划尚未导入，请办公室填写下一年度主要安排。）", "")];
        var source = $"{year}年度法治政府建设工作计划";
        var sections = areas.Select(area => new DraftSection(
            [new DraftParagraph(Labels.AreaOrdinal(area.Ordinal) + Sentence(area.Title, end: false), source)],
            [.. area.Tasks.Where(t => t.Number is not null).Select((t, n) =>
                new DraftItem([new DraftParagraph(Sentence(Labels.NumberedTitle(t.Number, t.Title), end: true), source)], n))],
            More: left => new DraftParagraph($"（本方面另有{left}项任务，详见{source}。）", source))).ToList();
        return DraftBudget.Fit(sections, Cut("其余安排", source));
    }

    /// <summary>The last paragraph of a part cut short because even its summaries were too long.</summary>
    private static DraftParagraph Cut(string what, string where) =>
        new($"（篇幅所限，{what}未列入草稿，详见{where}。）", where);

    /// <summary>"执法社会满意度 92.3%，目标 ≥90%，达标": the figures as the dashboard shows them, in a sentence.</summary>
    private static string KpiSentence(TaskTargets.Kpi kpi) =>
        $"{kpi.Name} {Labels.Figures(kpi.Latest!)}，目标 {Target(kpi)}，{Labels.Of(kpi.Attainment)}";

    private static string Target(TaskTargets.Kpi kpi) => Labels.Target(kpi.Comparator, kpi.Target, kpi.Unit).Replace(" ", "", StringComparison.Ordinal);

    private static string ReadingSource(TaskTargets.Reading reading) =>
        $"指标数据 #{reading.Id}：截至{Labels.ChineseDate(reading.AsOf)}，数据来源：{reading.Source}（{reading.RecordedBy}填报）";

    private static string DeliverableSentence(TaskTargets.Deliverable deliverable) => deliverable.Action switch
    {
        DeliverableAction.Revise => $"完成《{deliverable.Name}》修改工作。",
        _ => $"《{deliverable.Name}》起草出台。",
    };

    /// <summary>A title as a heading (no full stop) or as the start of a sentence (one full stop).</summary>
    private static string Sentence(string text, bool end)
    {
        var trimmed = text.TrimEnd('。', '；', '，', '.', ' ');
        return end ? trimmed + "。" : trimmed;
    }

    /// <summary>A report's paragraph is one line: a summary typed on several lines is joined.</summary>
    private static string OneParagraph(string text) =>
        string.Join("", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
