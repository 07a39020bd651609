namespace RuleOfLawPlan.Domain.Plans;

/// <summary>What a task is measured by — its KPIs and their readings, its deliverables — and the 佐证材料 given with a report or reading.</summary>
public sealed partial class PlanTask
{
    public Kpi AddKpi(string name, string sourceSentence, KpiComparator comparator, decimal? target, string unit, KpiKind kind)
    {
        EnsureEditable();
        var kpi = new Kpi(name, sourceSentence, comparator, target, unit, kind);
        _kpis.Add(kpi);
        return kpi;
    }

    /// <summary>
    /// 填报指标数据: a reading of one of this task's KPIs, as of a date, with where the figures come from.
    /// The KPI checks the reading has the shape its kind needs (see <see cref="Kpi.RecordReading"/>).
    /// </summary>
    public KpiReading RecordKpiReading(int kpiId, DateOnly asOf, decimal? percent, int? numerator, int? denominator,
        int? thisYearCount, int? lastYearCount, string source, string recordedBy, DateTimeOffset recordedAt)
    {
        EnsureEditable();
        if (Plan.Status != PlanStatus.Active) throw new DomainException("计划尚未下达执行，不能填报指标数据");
        var kpi = _kpis.FirstOrDefault(k => kpiId > 0 && k.Id == kpiId) ?? throw new DomainException("找不到该项指标");
        return kpi.RecordReading(asOf, percent, numerator, denominator, thisYearCount, lastYearCount, source, recordedBy, recordedAt);
    }

    /// <summary>
    /// 佐证材料: a file backing an update of this task, given with the update in the same save (an update is never
    /// changed afterwards; more evidence comes with a correction). The content's kind, size and hash were checked
    /// and computed by the caller from the bytes it stores beside the file (<see cref="EvidenceFormats.Check"/>).
    /// </summary>
    public EvidenceFile AttachEvidence(ProgressUpdate update, string fileName, EvidenceKind kind, long length, string sha256,
        string uploadedBy, DateTimeOffset uploadedAt)
    {
        ArgumentNullException.ThrowIfNull(update);
        EnsureEditable();
        if (!_updates.Contains(update)) throw new DomainException("找不到该条进展");
        if (update.Id != 0) throw new DomainException("佐证材料须随进展一并提交；如需补充，请提交更正");
        var file = new EvidenceFile(update, null, fileName, kind, length, sha256, uploadedBy, uploadedAt);
        _evidence.Add(file);
        return file;
    }

    /// <summary>
    /// 佐证材料 of a KPI reading of this task, given with the reading in the same save (readings are never changed
    /// afterwards). As <see cref="AttachEvidence(ProgressUpdate, string, EvidenceKind, long, string, string, DateTimeOffset)"/>.
    /// </summary>
    public EvidenceFile AttachEvidence(KpiReading reading, string fileName, EvidenceKind kind, long length, string sha256,
        string uploadedBy, DateTimeOffset uploadedAt)
    {
        ArgumentNullException.ThrowIfNull(reading);
        EnsureEditable();
        if (!_kpis.Any(k => k.Readings.Contains(reading))) throw new DomainException("找不到该条指标数据");
        if (reading.Id != 0) throw new DomainException("佐证材料须随指标数据一并提交");
        var file = new EvidenceFile(null, reading, fileName, kind, length, sha256, uploadedBy, uploadedAt);
        _evidence.Add(file);
        return file;
    }

    public Deliverable AddDeliverable(string name, DeliverableAction action)
    {
        EnsureEditable();
        var deliverable = new Deliverable(name, action);
        _deliverables.Add(deliverable);
        return deliverable;
    }
}
