using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Activities;
using RuleOfLawPlan.Web.Data.Audit;
using RuleOfLawPlan.Web.Pages.Shared;

namespace RuleOfLawPlan.Web.Tests.Activities;

/// <summary>
/// 领导履职台账: the office records, corrects and removes entries with their files and linked tasks; leaders and viewers
/// read; bad input changes nothing. Each test works in a plan of its own (2022, from <see cref="PlanData.NewTaskAsync"/>).
/// </summary>
public sealed class LeadershipRegisterTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int PlanId, int TaskId)> NewPlanAsync()
    {
        var taskId = await app.NewTaskAsync();
        await using var db = app.CreateDb();
        return (await db.Tasks.Where(t => t.Id == taskId).Select(t => t.WorkPlanId).SingleAsync(Ct), taskId);
    }

    private static Dictionary<string, string> Fields(string title, string kind = "PartyGroupMeeting", string heldOn = "2022-04-12",
        params int[] taskIds)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Kind"] = kind, ["Form.HeldOn"] = heldOn, ["Form.Title"] = title,
            ["Form.ChairedBy"] = "局党组书记、局长", ["Form.Summary"] = "专题听取法治政府建设工作汇报，研究部署下一步工作。",
        };
        for (var i = 0; i < taskIds.Length; i++) fields[$"Form.TaskIds[{i}]"] = taskIds[i].ToString(CultureInfo.InvariantCulture);
        return fields;
    }

    private static (string, string, HttpContent) File(string name, byte[] content) => ("Form.Files", name, new ByteArrayContent(content));

    private async Task<List<LeadershipActivity>> EntriesAsync(int planId)
    {
        await using var db = app.CreateDb();
        return await db.LeadershipActivities.AsNoTracking().Include(a => a.Evidence).Include(a => a.Tasks)
            .Where(a => a.WorkPlanId == planId).OrderBy(a => a.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task The_office_records_a_meeting_with_minutes_and_a_task_and_it_is_listed_counted_audited_and_downloads()
    {
        var (planId, taskId) = await NewPlanAsync();
        var office = await app.UserAsync("office");
        var minutes = EvidenceSamples.Pdf("Minutes");

        var response = await office.PostFilesAsync($"/activities/new?plan={planId}", Fields("党组会议听取法治建设汇报", taskIds: taskId),
            [File("会议纪要.pdf", minutes)]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var entry = (await EntriesAsync(planId)).ShouldHaveSingleItem();
        (entry.Kind, entry.HeldOn, entry.Title, entry.ChairedBy).ShouldBe(
            (LeadershipActivityKind.PartyGroupMeeting, new DateOnly(2022, 4, 12), "党组会议听取法治建设汇报", "局党组书记、局长"));
        entry.Tasks.Select(t => t.PlanTaskId).ShouldBe([taskId]);
        entry.Evidence.ShouldHaveSingleItem().FileName.ShouldBe("会议纪要.pdf");
        await using (var db = app.CreateDb())
        {
            var audited = await db.AuditEntries.Where(e => e.Action == AuditAction.Insert).Select(e => e.EntityType).ToListAsync(Ct);
            audited.ShouldContain(nameof(LeadershipActivity));
            audited.ShouldContain(nameof(ActivityEvidenceFile));
            audited.ShouldContain(nameof(ActivityTaskLink));
        }

        var page = await (await office.GetAsync($"/activities?plan={planId}", Ct)).HtmlAsync();
        var row = page.QuerySelector("[data-testid=activity]").ShouldNotBeNull();
        row.QuerySelector("[data-testid=activity-title]")!.TextContent.ShouldBe("党组会议听取法治建设汇报");
        row.QuerySelector("[data-testid=activity-tasks]")!.TextContent.ShouldContain("测试任务");
        page.QuerySelector("[data-testid=kind-count][data-kind=PartyGroupMeeting] [data-testid=count]")!.TextContent.ShouldBe("1");
        page.QuerySelector("[data-testid=kind-count][data-kind=WeeklyStudy] [data-testid=count]")!.TextContent.ShouldBe("0");
        var link = row.QuerySelector("[data-testid=activity-file]")!.GetAttribute("href")!;

        var download = await (await app.UserAsync("viewer")).GetAsync(link, Ct);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(minutes);
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("sandbox");
    }

    [Fact]
    public async Task Missing_fields_are_named_in_chinese_and_nothing_is_stored()
    {
        var (planId, _) = await NewPlanAsync();
        var fields = Fields("");
        fields["Form.Kind"] = "";
        fields["Form.ChairedBy"] = " ";

        var response = await (await app.UserAsync("office")).PostFormAsync($"/activities/new?plan={planId}", fields);

        var page = await response.HtmlAsync();
        var text = page.Body!.TextContent;
        text.ShouldContain("请选择活动类型");
        text.ShouldContain("请填写活动名称");
        text.ShouldContain("请填写主持人");
        (await EntriesAsync(planId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_date_outside_the_plans_year_is_refused_by_the_entry_and_nothing_is_stored()
    {
        var (planId, _) = await NewPlanAsync();

        var response = await (await app.UserAsync("office")).PostFormAsync($"/activities/new?plan={planId}",
            Fields("年度外的会议", heldOn: "2023-01-05"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.HtmlAsync()).QuerySelector("[data-testid=form-error]")!.TextContent.ShouldContain("活动日期须在2022年内");
        (await EntriesAsync(planId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_task_of_another_plan_cannot_be_linked()
    {
        var (planId, _) = await NewPlanAsync();
        var (_, otherTask) = await NewPlanAsync();

        var response = await (await app.UserAsync("office")).PostFormAsync($"/activities/new?plan={planId}",
            Fields("关联他年任务", taskIds: otherTask));

        (await response.HtmlAsync()).QuerySelector("[data-testid=form-error]")!.TextContent.ShouldContain("只能关联本年度计划的任务");
        (await EntriesAsync(planId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_refused_file_leaves_no_entry_no_file_and_no_chunk()
    {
        var (planId, _) = await NewPlanAsync();
        await using var db = app.CreateDb();
        var chunksBefore = await db.ActivityEvidenceChunks.CountAsync(Ct);

        var response = await (await app.UserAsync("office")).PostFilesAsync($"/activities/new?plan={planId}", Fields("带错误附件的会议"),
            [File("会议纪要.pdf", EvidenceSamples.Pdf()), File("签到表.pdf", EvidenceSamples.Exe())]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.HtmlAsync()).QuerySelector("[data-testid=evidence-error]")!.TextContent.ShouldContain("“签到表.pdf”的内容与文件类型不符");
        (await EntriesAsync(planId)).ShouldBeEmpty();
        (await db.ActivityEvidenceChunks.CountAsync(Ct)).ShouldBe(chunksBefore);
    }

    [Fact]
    public async Task Leaders_and_viewers_read_the_register_but_cannot_add_and_section_heads_cannot_read_it()
    {
        var (planId, _) = await NewPlanAsync();
        var (activityId, fileId) = await app.NewActivityAsync(planId, "中心组学法", LeadershipActivityKind.CentralGroupStudy, "学习记录.pdf");

        var leader = await app.UserAsync("leader");
        var page = await (await leader.GetAsync($"/activities?plan={planId}", Ct)).HtmlAsync();
        page.QuerySelector("[data-testid=activity-title]")!.TextContent.ShouldBe("中心组学法");
        page.QuerySelector("[data-testid=add-activity]").ShouldBeNull();
        page.QuerySelector("[data-testid=edit-activity]").ShouldBeNull();
        (await leader.PostFormAsync($"/activities/new?plan={planId}", Fields("领导自行登记"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await EntriesAsync(planId)).Count.ShouldBe(1);

        var section = await app.UserAsync("section");
        (await section.GetAsync($"/activities?plan={planId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await section.GetAsync($"/activities/{activityId}/files/{fileId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_file_is_found_only_with_its_own_entry()
    {
        var (planId, _) = await NewPlanAsync();
        var (_, fileId) = await app.NewActivityAsync(planId, "有附件的会议", fileName: "纪要.pdf");
        var (otherId, _) = await app.NewActivityAsync(planId, "另一次会议");

        (await (await app.UserAsync("viewer")).GetAsync($"/activities/{otherId}/files/{fileId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_edit_from_a_stale_form_is_refused_shows_the_stored_entry_and_overwrites_nothing()
    {
        var (planId, _) = await NewPlanAsync();
        var (activityId, _) = await app.NewActivityAsync(planId, "原名称");
        var office = await app.UserAsync("office");
        var form = await (await office.GetAsync($"/activities/{activityId}/edit", Ct)).HtmlAsync();
        var version = form.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;

        var first = Fields("同事先改的名称", kind: "LeadingGroupMeeting");
        first["Form.Version"] = version;
        (await office.PostFormAsync($"/activities/{activityId}/edit", first)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = Fields("我后改的名称");
        stale["Form.Version"] = version;
        var response = await office.PostFormAsync($"/activities/{activityId}/edit", stale);

        var page = await response.HtmlAsync();
        page.QuerySelector("[data-testid=form-error]")!.TextContent.ShouldContain("已被他人修改");
        page.QuerySelector("[data-testid=current-values]")!.TextContent.ShouldContain("同事先改的名称");
        page.QuerySelector("input[name='Form.Title']")!.GetAttribute("value").ShouldBe("我后改的名称");
        var stored = (await EntriesAsync(planId)).ShouldHaveSingleItem();
        (stored.Title, stored.Kind).ShouldBe(("同事先改的名称", LeadershipActivityKind.LeadingGroupMeeting));
    }

    [Fact]
    public async Task Removing_asks_first_then_removes_the_entry_with_its_files_and_the_audit_trail_keeps_them()
    {
        var (planId, taskId) = await NewPlanAsync();
        var (activityId, fileId) = await app.NewActivityAsync(planId, "误登记的会议", fileName: "纪要.pdf");
        var office = await app.UserAsync("office");

        var confirm = await (await office.GetAsync($"/activities/{activityId}/remove", Ct)).HtmlAsync();
        confirm.QuerySelector("[data-testid=remove-summary]")!.TextContent.ShouldContain("误登记的会议");
        (await EntriesAsync(planId)).Count.ShouldBe(1, "showing the confirmation removes nothing");
        var version = confirm.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;

        var response = await office.PostFormAsync($"/activities/{activityId}/remove", new Dictionary<string, string> { ["Form.Version"] = version });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await EntriesAsync(planId)).ShouldBeEmpty();
        await using var db = app.CreateDb();
        (await db.ActivityEvidenceChunks.CountAsync(c => c.ActivityEvidenceFileId == fileId, Ct)).ShouldBe(0);
        var removed = await db.AuditEntries.Where(e => e.Action == AuditAction.Delete).Select(e => new { e.EntityType, e.Before }).ToListAsync(Ct);
        removed.ShouldContain(e => e.EntityType == nameof(LeadershipActivity) && e.Before!.Contains("误登记的会议"));
        removed.ShouldContain(e => e.EntityType == nameof(ActivityEvidenceFile) && e.Before!.Contains("纪要.pdf"));
        (await db.Tasks.AnyAsync(t => t.Id == taskId, Ct)).ShouldBeTrue();
    }

    /// <summary>An entry of its own plan with two files: the minutes (made with it) and a photo (added through the app).</summary>
    private async Task<(int PlanId, int ActivityId, long Minutes, long Photo)> EntryWithTwoFilesAsync(string title)
    {
        var (planId, _) = await NewPlanAsync();
        var (activityId, minutes) = await app.NewActivityAsync(planId, title, fileName: "纪要.pdf");
        (await (await app.UserAsync("office")).PostFilesAsync($"/activities/{activityId}/files", [], [File("现场照片.png", EvidenceSamples.Png(20, 10))]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var photo = (await EntriesAsync(planId)).Single().Evidence.Single(f => f.Id != minutes).Id;
        return (planId, activityId, minutes, photo);
    }

    private static async Task<string> RemoveFileVersionAsync(HttpClient office, int activityId, long fileId) =>
        (await (await office.GetAsync($"/activities/{activityId}/files/{fileId}/remove", Ct)).HtmlAsync())
            .QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;

    [Fact]
    public async Task Removing_a_file_asks_first_then_removes_only_that_file_and_its_content_and_the_audit_trail_keeps_it()
    {
        var (planId, activityId, minutes, photo) = await EntryWithTwoFilesAsync("纪要传错的会议");
        var office = await app.UserAsync("office");

        var confirm = await (await office.GetAsync($"/activities/{activityId}/files/{minutes}/remove", Ct)).HtmlAsync();
        confirm.QuerySelector("[data-testid=remove-file-summary]")!.TextContent.ShouldContain("纪要.pdf");
        confirm.QuerySelector("[data-testid=remove-file-summary]")!.TextContent.ShouldContain("纪要传错的会议");
        (await EntriesAsync(planId)).Single().Evidence.Count.ShouldBe(2, "showing the confirmation removes nothing");
        var version = confirm.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;

        var response = await office.PostFormAsync($"/activities/{activityId}/files/{minutes}/remove",
            new Dictionary<string, string> { ["Form.Version"] = version });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var entry = (await EntriesAsync(planId)).ShouldHaveSingleItem();
        entry.Title.ShouldBe("纪要传错的会议");
        entry.Evidence.ShouldHaveSingleItem().Id.ShouldBe(photo);
        await using (var db = app.CreateDb())
        {
            (await db.ActivityEvidenceChunks.CountAsync(c => c.ActivityEvidenceFileId == minutes, Ct)).ShouldBe(0);
            (await db.ActivityEvidenceChunks.CountAsync(c => c.ActivityEvidenceFileId == photo, Ct)).ShouldBe(1);
            var removed = await db.AuditEntries.Where(e => e.Action == AuditAction.Delete && e.EntityType == nameof(ActivityEvidenceFile))
                .Select(e => e.EntityKey).ToListAsync(Ct);
            removed.ShouldContain(minutes.ToString(CultureInfo.InvariantCulture));
        }
        (await office.GetAsync($"/activities/{activityId}/files/{minutes}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await office.GetAsync($"/activities/{activityId}/files/{photo}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var register = await (await office.GetAsync($"/activities?plan={planId}", Ct)).HtmlAsync();
        register.QuerySelector("[data-testid=status-message]")!.TextContent.ShouldContain("已删除文件“纪要.pdf”");
        var audit = await (await office.GetAsync("/audit?Type=ActivityEvidenceFile", Ct)).HtmlAsync();
        var removal = audit.QuerySelector("[data-testid=audit-entry] summary")!;
        removal.QuerySelector(".audit-what")!.TextContent.ShouldBe("删除履职佐证材料");
        removal.QuerySelector(".audit-title")!.TextContent.ShouldBe("纪要.pdf", "the removed file is named by what it was");
    }

    [Fact]
    public async Task A_file_removal_from_a_stale_confirmation_is_refused_shows_the_entry_as_stored_and_removes_nothing()
    {
        var (planId, activityId, minutes, _) = await EntryWithTwoFilesAsync("原名称");
        var office = await app.UserAsync("office");
        var version = await RemoveFileVersionAsync(office, activityId, minutes);
        var edit = Fields("同事改过的名称");
        edit["Form.Version"] = (await EntriesAsync(planId)).Single().Version.ToString(CultureInfo.InvariantCulture);
        (await office.PostFormAsync($"/activities/{activityId}/edit", edit)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await office.PostFormAsync($"/activities/{activityId}/files/{minutes}/remove",
            new Dictionary<string, string> { ["Form.Version"] = version });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.HtmlAsync();
        page.QuerySelector("[data-testid=form-error]")!.TextContent.ShouldContain("已被他人修改");
        page.QuerySelector("[data-testid=remove-file-summary]")!.TextContent.ShouldContain("同事改过的名称");
        var stored = (await EntriesAsync(planId)).Single();
        stored.Evidence.Count.ShouldBe(2);
        page.QuerySelector("input[name='Form.Version']")!.GetAttribute("value").ShouldBe(stored.Version.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_file_is_removed_only_through_its_own_entry_and_not_from_a_closed_plan()
    {
        var (planId, activityId, minutes, _) = await EntryWithTwoFilesAsync("结束前的会议");
        var (otherId, _) = await app.NewActivityAsync(planId, "另一次会议");
        var office = await app.UserAsync("office");
        var version = await RemoveFileVersionAsync(office, activityId, minutes);

        (await office.GetAsync($"/activities/{otherId}/files/{minutes}/remove", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await office.PostFormAsync($"/activities/{otherId}/files/{minutes}/remove", new Dictionary<string, string> { ["Form.Version"] = version }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using (var db = app.CreateDb())
        {
            var plan = await db.Plans.SingleAsync(p => p.Id == planId, Ct);
            plan.Close();
            await db.SaveChangesAsync(Ct);
        }
        var closed = await office.PostFormAsync($"/activities/{activityId}/files/{minutes}/remove", new Dictionary<string, string> { ["Form.Version"] = version });

        (await closed.HtmlAsync()).QuerySelector("[data-testid=form-error]")!.TextContent.ShouldContain("已结束");
        (await EntriesAsync(planId)).Single(e => e.Id == activityId).Evidence.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Files_added_later_are_stored_with_the_entry()
    {
        var (planId, _) = await NewPlanAsync();
        var (activityId, _) = await app.NewActivityAsync(planId, "述法会议", LeadershipActivityKind.ReportOnLaw);
        var photo = EvidenceSamples.Png(20, 10);

        var response = await (await app.UserAsync("office")).PostFilesAsync($"/activities/{activityId}/files", [], [File("现场照片.png", photo)]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var file = (await EntriesAsync(planId)).ShouldHaveSingleItem().Evidence.ShouldHaveSingleItem();
        (file.FileName, file.Length).ShouldBe(("现场照片.png", (long)photo.Length));
    }

    [Fact]
    public async Task The_register_by_kind_lists_every_kind_in_order_with_its_entries_by_date()
    {
        var (planId, _) = await NewPlanAsync();
        await app.NewActivityAsync(planId, "合法性审查", LeadershipActivityKind.LegalityReview);
        await app.NewActivityAsync(planId, "党组会议", LeadershipActivityKind.PartyGroupMeeting);
        await app.NewActivityAsync(planId, "再一次党组会议", LeadershipActivityKind.PartyGroupMeeting);

        await using var db = app.CreateDb();
        var groups = await LeadershipRegister.ByKindAsync(db, planId, Ct);

        groups.Select(g => g.Kind).ShouldBe(Enum.GetValues<LeadershipActivityKind>());
        groups.Select(g => g.Count).ShouldBe([2, 0, 0, 0, 0, 1]);
        groups[0].Entries.Select(e => e.Title).ShouldBe(["党组会议", "再一次党组会议"]);

        var page = await (await (await app.UserAsync("viewer")).GetAsync($"/activities?plan={planId}&kind=LegalityReview", Ct)).HtmlAsync();
        page.QuerySelectorAll("[data-testid=activity-title]").Select(t => t.TextContent).ShouldBe(["合法性审查"]);
    }
}
