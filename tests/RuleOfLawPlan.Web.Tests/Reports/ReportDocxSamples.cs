using DocumentFormat.OpenXml.Packaging;
using RuleOfLawPlan.Web.Pages.Reports;

namespace RuleOfLawPlan.Web.Tests.Reports;

/// <summary>Reports to write and the written file opened again, for the .docx tests.</summary>
internal static class ReportDocxSamples
{
    public const string Title = "日喀则市城市管理和综合执法局2023年度法治政府建设工作情况报告";
    public const string Organ = "日喀则市城市管理和综合执法局";

    /// <summary>What the office might type: markup characters, book-title marks, curly quotes and an emoji.</summary>
    public const string Typed = "对“门前三包”中 a < b & c 的情形，依照《行政处罚法》处理😀";

    /// <summary>The five statutory parts, with ASCII punctuation where people type it and the three heading levels.</summary>
    public static ReportDocument Annual() => new(Title, Organ, new DateOnly(2024, 1, 15),
    [
        new("一、主要举措和成效", """
            (一)严格规范公正文明执法
            1.持续推进行政执法三项制度.全年公示执法信息1,280条,时间为12:30前。
            城市管理行政执法社会满意度 92.3%,目标≥90%,达标.
            (二)完善依法行政制度体系.修订《城市市容管理办法》。
            """),
        new("二、存在的不足和原因", "执法人员培训覆盖率 85%,目标100%,未达标.\n" + Typed),
        new("三、党政主要负责人履行推进法治建设第一责任人职责情况", "局党组召开会议3次,专题研究法治政府建设工作。"),
        new("四、下一年度主要安排", "（一）深化执法体制改革\n围绕2024年工作要点推进。"),
        new("五、其他需要报告的情况", "无。"),
    ]);

    public static MemoryStream Write(ReportDocument report)
    {
        var stream = new MemoryStream();
        ReportDocxWriter.Write(report, stream);
        stream.Position = 0;
        return stream;
    }

    public static WordprocessingDocument Open(ReportDocument report) => WordprocessingDocument.Open(Write(report), isEditable: false);
}
