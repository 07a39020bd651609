using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RuleOfLawPlan.Web.Pages.Plans;

/// <summary>
/// Writes an .xlsx of plain tables for printing and filing: each sheet a header row (bold, frozen, repeated on every
/// printed page) over rows of wrapped text, columns as wide as their content (a CJK character counts two), A4
/// landscape fitted to the page width. Cells are inline strings, dates and whole numbers; rows are written as they
/// come (SAX), so a large sheet is never held as a document tree.
/// </summary>
public sealed class XlsxWriter : IDisposable
{
    /// <summary>A cell: text, a day, or a whole number; null is an empty cell.</summary>
    public abstract record Value;

    public sealed record Text(string Content) : Value;

    public sealed record Day(DateOnly Date) : Value;

    public sealed record Number(int Content) : Value;

    /// <summary>A column: its header and the widest it may grow before its text wraps (in Excel's character units).</summary>
    public sealed record Column(string Header, int MaxWidth = 30);

    private const uint HeaderStyle = 1;
    private const uint TextStyle = 2;
    private const uint DayStyle = 3;
    private const uint NumberStyle = 4;
    private const uint DayFormatId = 164;

    private readonly SpreadsheetDocument _document;
    private readonly List<(string Name, string PartId)> _sheets = [];

    public XlsxWriter(Stream stream)
    {
        _document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        _document.AddWorkbookPart();
        var styles = _document.WorkbookPart!.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Styles();
    }

    /// <summary>Adds a sheet with the columns' headers and the rows (each as many values as there are columns).</summary>
    public void AddSheet(string name, IReadOnlyList<Column> columns, IReadOnlyList<IReadOnlyList<Value?>> rows)
    {
        var part = _document.WorkbookPart!.AddNewPart<WorksheetPart>();
        _sheets.Add((name, _document.WorkbookPart.GetIdOfPart(part)));

        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>([new("A2")]) })
        { WorkbookViewId = 0 }));
        writer.WriteElement(new Columns(columns.Select((column, i) => new DocumentFormat.OpenXml.Spreadsheet.Column
        {
            Min = (uint)i + 1,
            Max = (uint)i + 1,
            Width = Width(column, rows.Select(r => r[i])),
            CustomWidth = true,
        })));

        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, columns.Select(c => (Value?)new Text(c.Header)).ToList(), header: true);
        for (var i = 0; i < rows.Count; i++)
            WriteRow(writer, (uint)i + 2, rows[i], header: false);
        writer.WriteEndElement();

        writer.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(columns.Count - 1)}{rows.Count + 1}" });
        writer.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 });
        writer.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        writer.WriteElement(new HeaderFooter(new OddFooter("&C&P / &N")));
        writer.WriteEndElement();
    }

    public void Dispose()
    {
        var workbook = new Workbook(new Sheets(_sheets.Select((s, i) => new Sheet { Name = s.Name, SheetId = (uint)i + 1, Id = s.PartId })));
        // Excel's name for the rows printed at the top of every page.
        workbook.Append(new DefinedNames(_sheets.SelectMany((s, i) => new[]
        {
            new DefinedName($"'{s.Name}'!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i },
        })));
        _document.WorkbookPart!.Workbook = workbook;
        _document.Dispose();
    }

    private static void WriteRow(OpenXmlWriter writer, uint index, IReadOnlyList<Value?> values, bool header)
    {
        writer.WriteStartElement(new Row { RowIndex = index });
        for (var i = 0; i < values.Count; i++)
        {
            var reference = ColumnName(i) + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            writer.WriteElement(values[i] switch
            {
                Text text => new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    StyleIndex = header ? HeaderStyle : TextStyle,
                    InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(XmlSafe(text.Content)) { Space = SpaceProcessingModeValues.Preserve }),
                },
                Day day => new Cell
                {
                    CellReference = reference,
                    StyleIndex = DayStyle,
                    CellValue = new CellValue(day.Date.ToDateTime(TimeOnly.MinValue).ToOADate()),
                },
                Number number => new Cell { CellReference = reference, StyleIndex = NumberStyle, CellValue = new CellValue(number.Content) },
                _ => new Cell { CellReference = reference, StyleIndex = header ? HeaderStyle : TextStyle },
            });
        }
        writer.WriteEndElement();
    }

    /// <summary>The text without the control characters XML cannot hold (stored text has none; a file must open regardless).</summary>
    private static string XmlSafe(string text) =>
        text.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r')) ? new string(text.Where(c => c >= ' ' || c is '\t' or '\n' or '\r').ToArray()) : text;

    /// <summary>"A" for 0, "Z" for 25, "AA" for 26.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
            name = (char)('A' + (i - 1) % 26) + name;
        return name;
    }

    /// <summary>The widest line of the header and the values, a CJK character counting two units, within the column's maximum.</summary>
    private static double Width(Column column, IEnumerable<Value?> values)
    {
        var widest = values.Prepend(new Text(column.Header)).Max(value => value switch
        {
            Text text => text.Content.Split('\n').Max(DisplayWidth),
            Day => 10,
            Number number => number.Content.ToString(System.Globalization.CultureInfo.InvariantCulture).Length,
            _ => 0,
        });
        return Math.Clamp(widest + 2, 6, Math.Max(column.MaxWidth, 6));
    }

    /// <summary>Display width in Excel's units: East Asian wide and full-width characters take two.</summary>
    public static int DisplayWidth(string text) => text.Sum(c => c >= '\u1100' && (c <= '\u115F' || c >= '\u2E80') && !(c >= '\uFF61' && c <= '\uFFDC') ? 2 : 1);

    private static Stylesheet Styles()
    {
        var thin = new BorderPropertiesType[] { new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder() };
        foreach (var side in thin)
        {
            side.Style = BorderStyleValues.Thin;
            side.Append(new Color { Rgb = "FF999999" });
        }
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = DayFormatId, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "SimSun" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "SimSun" }))
            { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE8E8E8" }) { PatternType = PatternValues.Solid }))
            { Count = 3 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(thin[0], thin[1], thin[2], thin[3], new DiagonalBorder()))
            { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center, Horizontal = HorizontalAlignmentValues.Center })
                { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
                { FontId = 0, FillId = 0, BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top })
                { NumberFormatId = DayFormatId, FontId = 0, FillId = 0, BorderId = 1, ApplyNumberFormat = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top })
                { NumberFormatId = 1, FontId = 0, FillId = 0, BorderId = 1, ApplyNumberFormat = true, ApplyBorder = true, ApplyAlignment = true })
            { Count = 5 });
    }
}
