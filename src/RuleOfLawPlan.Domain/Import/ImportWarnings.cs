namespace RuleOfLawPlan.Domain.Import;

/// <summary>The warnings of one import, in the order they were found, capped: the clerk cannot read thousands.</summary>
internal sealed class ImportWarnings
{
    private const int Max = 200;

    private readonly List<ImportWarning> _items = [];
    private int _dropped;

    public void Add(int? line, string message)
    {
        if (_items.Count >= Max)
        {
            _dropped++;
            return;
        }
        _items.Add(new ImportWarning(line, line is null ? message : $"第{line}行：{message}"));
    }

    public IReadOnlyList<ImportWarning> ToList() => _dropped == 0
        ? [.. _items]
        : [.. _items, new ImportWarning(null, $"另有{_dropped}条提示未列出，请检查文件格式是否正确。")];
}
