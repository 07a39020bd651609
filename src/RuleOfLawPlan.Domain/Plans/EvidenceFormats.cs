using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace RuleOfLawPlan.Domain.Plans;

/// <summary>
/// Which files may be 佐证材料, told by their content: the first bytes (PDF, JPEG, PNG), the parts of a zip package
/// (OFD, docx, xlsx) and the streams of an OLE compound file (doc, xls). A file's name must say the same kind its
/// content shows, so an .exe renamed .pdf, or a .docx renamed .xlsx, is refused.
/// </summary>
public static class EvidenceFormats
{
    private static readonly Dictionary<string, EvidenceKind> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = EvidenceKind.Pdf,
        [".jpg"] = EvidenceKind.Jpeg,
        [".jpeg"] = EvidenceKind.Jpeg,
        [".png"] = EvidenceKind.Png,
        [".ofd"] = EvidenceKind.Ofd,
        [".docx"] = EvidenceKind.Docx,
        [".xlsx"] = EvidenceKind.Xlsx,
        [".doc"] = EvidenceKind.Doc,
        [".xls"] = EvidenceKind.Xls,
    };

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> CompoundFileSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The file input's accept list.</summary>
    public static string AcceptList { get; } = string.Join(',', Extensions.Keys);

    /// <summary>The media type a download of this kind is sent as.</summary>
    public static string MediaType(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Pdf => "application/pdf",
        EvidenceKind.Jpeg => "image/jpeg",
        EvidenceKind.Png => "image/png",
        EvidenceKind.Ofd => "application/ofd",
        EvidenceKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        EvidenceKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        EvidenceKind.Doc => "application/msword",
        EvidenceKind.Xls => "application/vnd.ms-excel",
        _ => "application/octet-stream",
    };

    /// <summary>The kind a file name claims by its extension; null for a name of no accepted kind.</summary>
    public static EvidenceKind? KindOfName(string fileName) =>
        Extensions.TryGetValue(Path.GetExtension(fileName), out var kind) ? kind : null;

    /// <summary>
    /// The kind of an uploaded file, checked by its content against its name. Throws <see cref="DomainException"/>
    /// with a Chinese message naming the file when the name is of no accepted kind or the content is not what the
    /// name says. <paramref name="content"/> must be seekable; it is read from its start and only as far as needed
    /// (a zip's central directory, a compound file's directory), never as a whole.
    /// </summary>
    public static EvidenceKind Check(string fileName, Stream content)
    {
        var claimed = KindOfName(fileName)
            ?? throw new DomainException($"“{fileName}”不是可以上传的文件类型，请上传PDF、Word、Excel、JPG、PNG或OFD文件");
        if (Detect(content) != claimed)
            throw new DomainException($"“{fileName}”的内容与文件类型不符，请上传真实的{Name(claimed)}文件");
        return claimed;
    }

    /// <summary>The kind the content shows, or null when it is none of the accepted kinds.</summary>
    public static EvidenceKind? Detect(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek) throw new ArgumentException("The content must be seekable.", nameof(content));
        Span<byte> head = stackalloc byte[8];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        if (head.StartsWith("%PDF-"u8)) return EvidenceKind.Pdf;
        if (head.StartsWith(JpegSignature)) return EvidenceKind.Jpeg;
        if (head.StartsWith(PngSignature)) return EvidenceKind.Png;
        if (head.StartsWith("PK\u0003\u0004"u8)) return ZipPackage(content);
        if (head.StartsWith(CompoundFileSignature)) return CompoundFile(content);
        return null;
    }

    private static string Name(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Jpeg => "JPG",
        EvidenceKind.Docx or EvidenceKind.Doc => "Word",
        EvidenceKind.Xlsx or EvidenceKind.Xls => "Excel",
        _ => kind.ToString().ToUpperInvariant(),
    };

    /// <summary>OFD (GB/T 33190) has OFD.xml at its root; an OOXML package has [Content_Types].xml and its main part.</summary>
    private static EvidenceKind? ZipPackage(Stream content)
    {
        try
        {
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Contains("OFD.xml")) return EvidenceKind.Ofd;
            if (!names.Contains("[Content_Types].xml")) return null;
            if (names.Contains("word/document.xml")) return EvidenceKind.Docx;
            if (names.Contains("xl/workbook.xml")) return EvidenceKind.Xlsx;
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// An OLE compound file (MS-CFB) is a Word document if it has a WordDocument stream, an Excel workbook if it
    /// has a Workbook (or Excel 5's Book) stream. Reads the header, the FAT sectors the directory's chain passes
    /// through and the directory itself; a malformed file is simply not a document.
    /// </summary>
    private static EvidenceKind? CompoundFile(Stream content)
    {
        try
        {
            var names = new CompoundFileReader(content).StreamNames();
            if (names.Contains("WordDocument")) return EvidenceKind.Doc;
            if (names.Contains("Workbook") || names.Contains("Book")) return EvidenceKind.Xls;
            return null;
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or ArgumentOutOfRangeException or OverflowException)
        {
            return null;
        }
    }

    private sealed class CompoundFileReader(Stream content)
    {
        private const uint EndOfChain = 0xFFFFFFFE;
        private const uint MaxRegularSector = 0xFFFFFFFA;
        private readonly Dictionary<uint, uint[]> _fatSectors = [];
        private uint[] _difat = [];
        private int _sectorSize;

        public HashSet<string> StreamNames()
        {
            var header = Read(0, 512);
            var shift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x1E));
            if (shift is not (9 or 12)) throw new InvalidDataException("sector size");
            _sectorSize = 1 << shift;
            _difat = Difat(header);
            var names = new HashSet<string>(StringComparer.Ordinal);
            var sector = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x30));
            // A 20 MB file has at most 40 960 sectors: a longer chain is a loop.
            for (var visited = 0; sector <= MaxRegularSector; visited++)
            {
                if (visited > content.Length / _sectorSize) throw new InvalidDataException("directory chain loops");
                var directory = Read(Offset(sector), _sectorSize);
                for (var entry = 0; entry + 128 <= directory.Length; entry += 128)
                {
                    var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(directory.AsSpan(entry + 0x40));
                    var type = directory[entry + 0x42];
                    if (type == 2 && nameBytes is >= 2 and <= 64)
                        names.Add(Encoding.Unicode.GetString(directory, entry, nameBytes - 2));
                }
                sector = Next(sector);
            }
            return names;
        }

        /// <summary>The locations of the FAT sectors: 109 in the header, the rest in a chain of DIFAT sectors.</summary>
        private uint[] Difat(byte[] header)
        {
            var fatCount = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x2C));
            if (fatCount > content.Length / _sectorSize) throw new InvalidDataException("FAT count");
            var locations = new List<uint>();
            for (var i = 0; i < 109 && locations.Count < fatCount; i++)
                locations.Add(BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x4C + (i * 4))));
            var next = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x44));
            while (locations.Count < fatCount && next <= MaxRegularSector)
            {
                var sector = Read(Offset(next), _sectorSize);
                for (var i = 0; i + 4 < sector.Length && locations.Count < fatCount; i += 4)
                    locations.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(i)));
                next = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(sector.Length - 4));
            }
            return [.. locations];
        }

        private uint Next(uint sector)
        {
            var perSector = (uint)(_sectorSize / 4);
            var index = sector / perSector;
            if (index >= _difat.Length) throw new InvalidDataException("sector outside the FAT");
            if (!_fatSectors.TryGetValue(index, out var fat))
            {
                var bytes = Read(Offset(_difat[index]), _sectorSize);
                fat = new uint[perSector];
                for (var i = 0; i < fat.Length; i++) fat[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4));
                _fatSectors[index] = fat;
            }
            var next = fat[sector % perSector];
            return next == EndOfChain ? uint.MaxValue : next;
        }

        private long Offset(uint sector) => checked(((long)sector + 1) * _sectorSize);

        private byte[] Read(long offset, int count)
        {
            if (offset < 0 || offset + count > content.Length) throw new EndOfStreamException();
            var buffer = new byte[count];
            content.Position = offset;
            content.ReadExactly(buffer);
            return buffer;
        }
    }
}
