using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace RuleOfLawPlan.TestSupport;

/// <summary>
/// Small files of every kind of 佐证材料, made in code: a PDF and a PNG that viewers open, packages with the parts
/// that make them docx, xlsx or OFD, OLE compound files with a WordDocument or Workbook stream, and what must be refused.
/// </summary>
public static class EvidenceSamples
{
    /// <summary>A one-page PDF saying <paramref name="text"/> (ASCII).</summary>
    public static byte[] Pdf(string text = "Evidence") => RuleOfLawPlan.Web.Data.Demo.SampleFiles.Pdf(text);

    /// <summary>A real RGB PNG of the given size.</summary>
    public static byte[] Png(int width = 16, int height = 16) => RuleOfLawPlan.Web.Data.Demo.SampleFiles.Png(width, height);

    /// <summary>The start of a JPEG (SOI, APP0 JFIF) and its end: enough for the content check.</summary>
    public static byte[] Jpeg() =>
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    public static byte[] Docx() => Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");

    public static byte[] Xlsx() => Zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml");

    public static byte[] Ofd() => Zip("OFD.xml", "Doc_0/Document.xml", "Doc_0/Pages/Page_0/Content.xml");

    /// <summary>A zip that is none of the accepted packages.</summary>
    public static byte[] PlainZip() => Zip("readme.txt");

    public static byte[] Doc() => CompoundFile("WordDocument");

    public static byte[] Xls() => CompoundFile("Workbook");

    /// <summary>A Windows program: "MZ", the DOS stub's words, padding.</summary>
    public static byte[] Exe()
    {
        var exe = new byte[1024];
        exe[0] = (byte)'M';
        exe[1] = (byte)'Z';
        Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.").CopyTo(exe, 0x4E);
        return exe;
    }

    /// <summary>A valid PDF padded (in a comment after its end) to exactly <paramref name="length"/> bytes.</summary>
    public static byte[] PdfOfLength(int length)
    {
        var pdf = Pdf();
        var padded = new byte[length];
        pdf.CopyTo(padded, 0);
        for (var i = pdf.Length; i < length; i++) padded[i] = (byte)('a' + (i % 26));
        return padded;
    }

    private static byte[] Zip(params string[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><root/>");
            }
        }
        return stream.ToArray();
    }

    /// <summary>
    /// An OLE compound file (MS-CFB, version 3, 512-byte sectors) whose directory holds the root and one empty stream
    /// named <paramref name="streamName"/>: sector 0 is the FAT, sector 1 the directory.
    /// </summary>
    private static byte[] CompoundFile(string streamName)
    {
        const uint free = 0xFFFFFFFF, endOfChain = 0xFFFFFFFE, fatSector = 0xFFFFFFFD;
        var file = new byte[512 * 3];
        var header = file.AsSpan(0, 512);
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x38..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x3C..], endOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x44..], endOfChain);
        for (var i = 0; i < 109; i++) BinaryPrimitives.WriteUInt32LittleEndian(header[(0x4C + (i * 4))..], i == 0 ? 0 : free);

        var fat = file.AsSpan(512, 512);
        for (var i = 0; i < 128; i++) BinaryPrimitives.WriteUInt32LittleEndian(fat[(i * 4)..], free);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, fatSector);
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], endOfChain);

        var directory = file.AsSpan(1024, 512);
        DirectoryEntry(directory[..128], "Root Entry", type: 5, child: 1);
        DirectoryEntry(directory[128..256], streamName, type: 2, child: free);
        return file;
    }

    private static void DirectoryEntry(Span<byte> entry, string name, byte type, uint child)
    {
        var bytes = Encoding.Unicode.GetBytes(name);
        bytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)(bytes.Length + 2));
        entry[0x42] = type;
        entry[0x43] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x44..], 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x48..], 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x4C..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x74..], 0xFFFFFFFE);
    }
}
