using System.Text.RegularExpressions;

namespace RuleOfLawPlan.Domain.Import;

/// <summary>
/// Every pattern the importer uses. Source-generated and written without nested unbounded
/// quantifiers so that a hostile or huge upload stays linear; they run on already
/// normalized text (ASCII brackets, colon, percent and digits).
/// </summary>
internal static partial class PlanPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    /// <summary>一、指导思想 / 一.指导思想</summary>
    [GeneratedRegex(@"^(?<num>[一二三四五六七八九十]{1,3})\s{0,3}[、.]\s*(?<rest>.*)$", Options)]
    public static partial Regex TopHeading();

    /// <summary>(一)加强党的领导</summary>
    [GeneratedRegex(@"^\(\s{0,2}(?<num>[一二三四五六七八九十]{1,3})\s{0,2}\)\s*(?<rest>.*)$", Options)]
    public static partial Regex SubHeading();

    /// <summary>1. / 1、 (．is normalized to .); the lookahead keeps "1.5倍" and "2023.4.25" out.</summary>
    [GeneratedRegex(@"^(?<num>\d{1,3})\s{0,2}[.、](?!\d)\s*(?<rest>.*)$", Options)]
    public static partial Regex DotItem();

    /// <summary>(1)</summary>
    [GeneratedRegex(@"^\(\s{0,2}(?<num>\d{1,3})\s{0,2}\)\s*(?<rest>.*)$", Options)]
    public static partial Regex ParenItem();

    /// <summary>A line that is only a date: 2023年4月25日, 二〇二三年四月二十五日.</summary>
    [GeneratedRegex(@"^(?<y>\d{4}|[〇○零一二三四五六七八九]{4})\s{0,2}年\s{0,2}(?<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s{0,2}月\s{0,2}(?<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s{0,2}日$", Options)]
    public static partial Regex DateLine();

    /// <summary>"2023年" not being the end of a range like "(2020—2025年)".</summary>
    [GeneratedRegex(@"(?<![\d—–~\-至到])(?<y>(?:19|20)\d{2})\s?年", Options)]
    public static partial Regex YearMention();

    [GeneratedRegex(@"^(?:\d{4}年)?(?:年度)?(?:重点工作|主要任务|重点任务|工作任务|工作重点|主要工作|重点工作任务|主要工作任务|具体任务|工作内容|主要内容)(?:安排)?$", Options)]
    public static partial Regex KeyWorkSection();

    [GeneratedRegex(@"^(?:指导思想|总体要求|总体思路|基本原则|工作目标|总体目标|主要目标)(?:[和与及、](?:指导思想|总体要求|总体思路|基本原则|工作目标|总体目标|主要目标))?$", Options)]
    public static partial Regex GuidingSection();

    [GeneratedRegex(@"^(?:成立)?(?:组织领导|组织机构|领导机构|工作机构|领导小组|组织领导机构)$", Options)]
    public static partial Regex LeadershipSection();

    [GeneratedRegex(@"^(?:工作要求|保障措施|有关要求|具体要求|相关要求|其他要求|工作保障|组织保障|保障机制|工作措施)$", Options)]
    public static partial Regex RequirementsSection();

    /// <summary>The cover notice that wraps a plan when it is sent out (关于印发《…》的通知, 现将…印发给你们).</summary>
    [GeneratedRegex(@"关于印发.{0,120}通知|印发给你们|现将.{0,120}印发", Options)]
    public static partial Regex CoverNotice();

    /// <summary>A plan title ends like this (optionally followed by a bracketed remark such as "(试行)").</summary>
    [GeneratedRegex(@"(?:计划|要点|方案|安排|规划|实施意见)(?:\([^()]{0,20}\))?$", Options)]
    public static partial Regex TitleEnding();

    /// <summary>达90%以上 / 达到100%.</summary>
    [GeneratedRegex(@"(?:达到|达)(?<num>\d{1,3}(?:\.\d{1,2})?)%(?<above>及以上|以上)?", Options)]
    public static partial Regex ReachPercent();

    /// <summary>不少于本单位执法人员总数的5% / 不低于90%.</summary>
    [GeneratedRegex(@"(?<op>不少于|不低于|不得少于|不得低于|不超过|不高于|不得超过|不得高于)(?<den>[^,，;；。%]{0,30}?)(?<num>\d{1,3}(?:\.\d{1,2})?)%", Options)]
    public static partial Regex BoundPercent();

    [GeneratedRegex(@"全覆盖", Options)]
    public static partial Regex FullCoverage();

    [GeneratedRegex(@"[""“”'‘’]?双下降", Options)]
    public static partial Regex DoubleDecrease();

    /// <summary>The verb before the documents: 修改《A》《B》, 起草出台《C》. "新修订《…》" names an existing law, not a task.</summary>
    [GeneratedRegex(@"(?<!新|最新)(?<verb>起草出台|起草制定|研究制定|修改完善|修订完善|修改|修订|起草|出台|制定|制订)(?<docs>(?:《[^《》]{1,100}》[、和及与,，]?){1,20})", Options)]
    public static partial Regex VerbThenDocuments();

    /// <summary>The verb after the documents: 做好《A》《B》的修改工作.</summary>
    [GeneratedRegex(@"(?<docs>(?:《[^《》]{1,100}》[、和及与]?){1,20})的?(?<verb>修改|修订|起草|制定|制订|出台)", Options)]
    public static partial Regex DocumentsThenVerb();

    [GeneratedRegex(@"《(?<name>[^《》]{1,100})》", Options)]
    public static partial Regex DocumentName();
}
