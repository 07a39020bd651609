using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.TestSupport;
using RuleOfLawPlan.Web.Data;

/// <summary>
/// What uploading and downloading one large evidence file costs the app's managed memory: a 20 MB PDF posted to the
/// progress form and downloaded again, through a real Kestrel in this process. The client streams both ways (the file
/// is generated as it is sent and hashed as it arrives), so what the figures show is the app's (and never less).
/// </summary>
internal static class EvidenceMemory
{
    private const int Megabyte = 1024 * 1024;

    public static async Task MeasureAsync(string connectionString)
    {
        await using var app = new PlanAppFactory(connectionString, kestrel: true);
        app.StartServer();
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false })
        {
            BaseAddress = app.ServerAddress,
            Timeout = TimeSpan.FromMinutes(5),
        };
        await client.SignInAsync("section", SampleData.DemoPassword);
        int taskId;
        await using (var db = new PlanDb(PlanDbOptions.Configure(new DbContextOptionsBuilder<PlanDb>(), connectionString).Options))
        {
            taskId = await db.Tasks.Where(t => t.WorkPlanId == db.Plans.Min(p => p.Id) && t.Area.Ordinal == 6 && t.Number == 1)
                .Select(t => t.Id).SingleAsync();
        }

        // Warm-up: JIT, connection pools, the form reader's first temporary file.
        var warm = await UploadAsync(client, connectionString, taskId, Megabyte);
        await DownloadAsync(client, warm);

        const int size = 20 * Megabyte;
        long fileId = 0;
        var up = await ObserveAsync(async () => fileId = await UploadAsync(client, connectionString, taskId, size));
        Report("Upload a 20 MB PDF (POST /tasks/{id}/progress)", up);
        var expected = await HashAsync(new GeneratedPdf(size));
        byte[] actual = [];
        var down = await ObserveAsync(async () => actual = await DownloadAsync(client, fileId));
        Report("Download it (GET /evidence/{id})", down);
        if (!actual.SequenceEqual(expected)) throw new InvalidOperationException("The download differs from the upload.");
        Console.WriteLine("  (download byte-identical: SHA-256 matches)");
    }

    private static async Task<long> UploadAsync(HttpClient client, string connectionString, int taskId, int size)
    {
        var page = await (await client.GetAsync($"/tasks/{taskId}/progress")).HtmlAsync();
        var version = page.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent("50"), "Form.Percent" },
            { new StringContent("2023-06-01"), "Form.AsOf" },
            { new StringContent("内存测量：上传一份大文件"), "Form.Summary" },
            { new StringContent(version), "Form.Version" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new StreamContent(new GeneratedPdf(size)), "Form.Files", $"大文件{size / Megabyte}MB.pdf" },
        };
        var response = await client.PostAsync($"/tasks/{taskId}/progress", form);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Upload answered {(int)response.StatusCode}.");
        await using var db = new PlanDb(PlanDbOptions.Configure(new DbContextOptionsBuilder<PlanDb>(), connectionString).Options);
        return await db.EvidenceFiles.Where(f => f.PlanTaskId == taskId).MaxAsync(f => f.Id);
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, long fileId)
    {
        using var response = await client.GetAsync($"/evidence/{fileId}", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return await HashAsync(await response.Content.ReadAsStreamAsync());
    }

    private static async Task<byte[]> HashAsync(Stream content)
    {
        await using (content) return await SHA256.HashDataAsync(content);
    }

    private sealed record Observation(long Allocated, long Peak, long Retained);

    /// <summary>
    /// Bytes allocated on the managed heap by every thread of the process while <paramref name="action"/> ran, the
    /// managed heap's highest size above where it started (sampled every millisecond), and what stayed after a full collection.
    /// </summary>
    private static async Task<Observation> ObserveAsync(Func<Task> action)
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(1);
            }
        });
        await action();
        await stop.CancelAsync();
        await sampler;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        return new Observation(allocated, Math.Max(0, peak - baseline), retained);
    }

    private static void Report(string name, Observation o) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: allocated {o.Allocated / (double)Megabyte:0.0} MB, managed heap peak +{o.Peak / (double)Megabyte:0.0} MB, retained after GC {o.Retained / (double)Megabyte:+0.0;-0.0} MB"));

    /// <summary>A PDF of any length made as it is read: a real one-page PDF, then padding after its end.</summary>
    private sealed class GeneratedPdf(long length) : Stream
    {
        private static readonly byte[] Head = EvidenceSamples.Pdf("Memory");
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => _position = value;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - _position);
            for (var i = 0; i < n; i++, _position++)
                buffer[i] = _position < Head.Length ? Head[_position] : (byte)('a' + (_position % 26));
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => _position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };

        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
