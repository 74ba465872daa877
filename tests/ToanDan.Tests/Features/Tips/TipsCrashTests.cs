using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using SkiaSharp;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web;

namespace ToanDan.Tests.Features.Tips;

/// <summary>
/// Issue 5's crash test: the real server runs as a separate OS process on a SQLite file; citizens send a burst of
/// tips with files to <c>/to-giac</c>; the server is killed with SIGKILL in the middle of the burst and started
/// again on the same database, key file and files folder. Every receipt code that reached a client must then open
/// its own tip on <c>/tra-cuu</c> (its file is listed); a request that got no answer may be missing, nothing
/// else. Also: the database passes <c>PRAGMA integrity_check</c>, is in WAL mode, and every stored attachment has
/// its encrypted file on disk (files are fsynced before the commit that acknowledges them).
/// </summary>
public sealed partial class TipsCrashTests
{
    /// <summary>Concurrent clients of the burst (the machine may have 2 cores: enough to keep requests in flight).</summary>
    private const int Clients = 8;

    /// <summary>The server is killed once this many codes have reached clients.</summary>
    private const int KillAfter = 40;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServerKilledDuringBurst_EveryCodeAClientReceived_OpensItsTipAfterRestart()
    {
        var watch = Stopwatch.StartNew();
        var log = TestContext.Current.TestOutputHelper;
        var folder = Directory.CreateTempSubdirectory("toandan-crash-").FullName;
        var connectionString = await SqliteTarget.Instance.CreateAsync(TestData.Demo);
        var database = new SqliteConnectionStringBuilder(connectionString).DataSource;
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:ToanDan=Data Source={database}",
            $"--Tips:KeyFile={Path.Combine(folder, "tips-keys.json")}",
            $"--Tips:FilesFolder={Path.Combine(folder, "tips-files")}",
            $"--Media:Path={Path.Combine(folder, "media")}",

            // This process only: plain HTTP on the loopback, the burst posts as soon as it has the form (the stamp
            // is still signed and checked), and one address sends every post.
            "--Security:RequireHttps=false",
            "--Tips:MinimumFillSeconds=0",
            "--Security:PublicFormsPerMinute=100000",
            "--Logging:LogLevel:Default=Warning",
        ];

        try
        {
            var acknowledged = new ConcurrentBag<(string Code, string File)>();
            var unexpected = new ConcurrentBag<string>();
            int inFlightAtKill;
            int lost;
            log?.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: demo database ready");
            await using (var server = await ServerProcess.StartAsync(args))
            {
                log?.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: server listening at {server.BaseAddress}");
                (inFlightAtKill, lost) = await BurstThenKillAsync(server, acknowledged, unexpected);
                Assert.True(server.HasExited, "the server should be dead after SIGKILL");
                log?.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: killed with {acknowledged.Count} codes acknowledged, {inFlightAtKill} requests in flight, {lost} without an answer");
            }

            Assert.True(unexpected.IsEmpty, "answers other than a receipt: " + string.Join(" | ", unexpected.Take(5)));
            Assert.True(acknowledged.Count >= KillAfter, $"only {acknowledged.Count} codes before the kill");
            Assert.True(inFlightAtKill > 0, "the kill should land in the middle of the burst (requests in flight)");

            await using (var restarted = await ServerProcess.StartAsync(args))
            {
                log?.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: restarted at {restarted.BaseAddress}");
                var missing = await LookUpAllAsync(restarted.BaseAddress, acknowledged);
                Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged codes do not open their tip after the crash ({lost} requests got no answer): {string.Join(", ", missing.Take(5))}");
            }

            CheckDatabaseAndFiles(database, Path.Combine(folder, "tips-files"));
            log?.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: every code opens its tip; database and files checked");
        }
        finally
        {
            await SqliteTarget.Instance.DropAsync(connectionString);
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// <see cref="Clients"/> citizens each fetch the form and post a tip with a file, again and again; once
    /// <see cref="KillAfter"/> codes are back, the server gets SIGKILL. Returns the requests in flight at that
    /// moment and the posts that got no complete answer.
    /// </summary>
    private static async Task<(int InFlight, int Lost)> BurstThenKillAsync(ServerProcess server, ConcurrentBag<(string Code, string File)> acknowledged, ConcurrentBag<string> unexpected)
    {
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var killed = false;
        var sequence = 0;
        var inFlight = 0;
        var lost = 0;
        var png = Png();

        async Task CitizenAsync()
        {
            using var client = Client(server.BaseAddress);
            while (!Volatile.Read(ref killed))
            {
                var n = Interlocked.Increment(ref sequence);
                var file = n % 5 == 0 ? $"burst-{n}.png" : $"burst-{n}.pdf";
                Interlocked.Increment(ref inFlight);
                try
                {
                    using var form = await client.GetAsync("/to-giac", Ct);
                    if (form.StatusCode != HttpStatusCode.OK)
                    {
                        unexpected.Add($"GET /to-giac {(int)form.StatusCode}");
                        return;
                    }

                    var page = await Html.ParseAsync(form);
                    var fields = Html.Fields(page.QuerySelector("form.tip-form")!);
                    var commune = page.QuerySelectorAll("#Input_UnitCode option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
                    fields.Set("Input.What", $"Tin báo số {n} của đợt gửi dồn dập (kiểm thử sự cố).").Set("Input.UnitCode", commune).Set("Input.Warned", "true");
                    using var content = new MultipartFormDataContent();
                    foreach (var (key, value) in fields)
                    {
                        content.Add(new StringContent(value), key);
                    }

                    var bytes = file.EndsWith(".png", StringComparison.Ordinal) ? png : Pdf(n);
                    var part = new ByteArrayContent(bytes);
                    part.Headers.ContentType = new MediaTypeHeaderValue(file.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "application/pdf");
                    content.Add(part, "Files", file);
                    using var response = await client.PostAsync("/to-giac", content, Ct);
                    var html = await response.Content.ReadAsStringAsync(Ct);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        unexpected.Add($"POST /to-giac {(int)response.StatusCode}: {TipsTestKit.Errors(html)}");
                        return;
                    }

                    var code = TipsTestKit.Parse(html).QuerySelector("[data-receipt-code]")?.TextContent.Trim();
                    if (code is null || !CodePattern().IsMatch(code))
                    {
                        unexpected.Add($"POST /to-giac 200 without a receipt code: {TipsTestKit.Errors(html)}");
                        return;
                    }

                    // The whole answer is in: this code reached its citizen.
                    acknowledged.Add((code, file));
                    if (acknowledged.Count >= KillAfter)
                    {
                        enough.TrySetResult();
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException && Volatile.Read(ref killed))
                {
                    // No (complete) answer: the server died under this request. Its tip may or may not exist.
                    Interlocked.Increment(ref lost);
                    return;
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            }
        }

        var citizens = Enumerable.Range(0, Clients).Select(_ => Task.Run(CitizenAsync, Ct)).ToList();
        var first = await Task.WhenAny(enough.Task, Task.WhenAll(citizens), Task.Delay(TimeSpan.FromSeconds(60), Ct));
        Volatile.Write(ref killed, true);
        var inFlightAtKill = Volatile.Read(ref inFlight);
        server.Kill();
        await Task.WhenAll(citizens).WaitAsync(TimeSpan.FromSeconds(60), Ct);
        if (first != enough.Task)
        {
            Assert.Fail($"the burst stopped before {KillAfter} codes ({acknowledged.Count} codes): {string.Join(" | ", unexpected.Take(5))}\n{server.Output}");
        }

        return (inFlightAtKill, lost);
    }

    /// <summary>Opens every code on /tra-cuu as a citizen would; returns the codes that do not show their own file.</summary>
    private static async Task<List<string>> LookUpAllAsync(Uri baseAddress, IEnumerable<(string Code, string File)> acknowledged)
    {
        var missing = new List<string>();
        using var client = Client(baseAddress);
        var token = Html.Token(await Html.GetAsync(client, "/tra-cuu"));
        foreach (var (code, file) in acknowledged)
        {
            using var open = await Html.PostAsync(client, "/tra-cuu?handler=Open", [new("__RequestVerificationToken", token), new("Code", code)]);
            if (open.StatusCode != HttpStatusCode.Redirect)
            {
                missing.Add($"{code} ({(int)open.StatusCode})");
                continue;
            }

            var tip = await Html.GetAsync(client, "/tra-cuu");
            if (!tip.QuerySelector("main")!.TextContent.Contains(file, StringComparison.Ordinal))
            {
                missing.Add($"{code} (opens without {file})");
            }
        }

        return missing;
    }

    /// <summary>The file survived the crashes whole, in WAL mode, and no stored attachment lacks its encrypted file.</summary>
    private static void CheckDatabaseAndFiles(string database, string filesFolder)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT tip_id, id, has_view_copy FROM tip_attachments WHERE from_reporter = 1";
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            rows++;
            var tip = Guid.Parse(reader.GetString(0)).ToString("N");
            var file = Guid.Parse(reader.GetString(1)).ToString("N");
            Assert.True(new FileInfo(Path.Combine(filesFolder, tip, file + ".original")).Length > 0, $"attachment {file} of tip {tip} has no file");
            if (reader.GetBoolean(2))
            {
                Assert.True(new FileInfo(Path.Combine(filesFolder, tip, file + ".view")).Length > 0, $"attachment {file} of tip {tip} has no view copy");
            }
        }

        Assert.True(rows >= KillAfter, $"{rows} attachment rows");
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static HttpClient Client(Uri baseAddress) => new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>A minimal one-page PDF (the form sniffs "%PDF-"; documents are stored encrypted, not parsed).</summary>
    private static byte[] Pdf(int n) => Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% tip {n}\ntrailer<</Root 1 0 R>>\n%%EOF\n"));

    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(96, 64);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SaddleBrown);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [GeneratedRegex("^[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$")]
    private static partial Regex CodePattern();

    /// <summary>
    /// The real ToanDan web server in its own OS process: <c>dotnet ToanDan.Web.dll</c> from the build output
    /// (the copy beside the tests, or the web project's own bin), on the dotnet host that runs the tests.
    /// </summary>
    private sealed partial class ServerProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private ServerProcess(Process process) => _process = process;

        public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

        public bool HasExited => _process.HasExited;

        /// <summary>What the server printed (for failure messages).</summary>
        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static async Task<ServerProcess> StartAsync(string[] args)
        {
            var start = new ProcessStartInfo(DotnetHost())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
                UseShellExecute = false,

                // Not the repository: the content root is then the build output, and nothing lands in the source tree.
                WorkingDirectory = Path.GetTempPath(),
            };
            start.ArgumentList.Add(WebAssembly());
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["DOTNET_ENVIRONMENT"] = "Production";
            var server = new ServerProcess(new Process { StartInfo = start });
            var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            server._process.OutputDataReceived += (_, e) => server.Read(e.Data, listening);
            server._process.ErrorDataReceived += (_, e) => server.Read(e.Data, null);
            server._process.Start();
            server._process.BeginOutputReadLine();
            server._process.BeginErrorReadLine();
            try
            {
                var exited = server._process.WaitForExitAsync(Ct);
                var first = await Task.WhenAny(listening.Task, exited).WaitAsync(TimeSpan.FromSeconds(90), Ct);
                if (first != listening.Task)
                {
                    throw new InvalidOperationException($"the server exited with {server._process.ExitCode}:\n{server.Output}");
                }

                server.BaseAddress = await listening.Task;
                return server;
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }

        /// <summary>SIGKILL: no shutdown, no flush, no chance to finish a request.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }

            _process.Dispose();
        }

        private void Read(string? line, TaskCompletionSource<Uri>? listening)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }

            if (listening is not null && Listening().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Value));
            }
        }

        /// <summary>The dotnet host of the running runtime (…/dotnet/shared/Microsoft.NETCore.App/10.x/ → …/dotnet/dotnet).</summary>
        private static string DotnetHost()
        {
            var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
            var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar));
            var root = runtime.Parent?.Parent?.Parent?.FullName;
            if (root is not null && File.Exists(Path.Combine(root, name)))
            {
                return Path.Combine(root, name);
            }

            return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : name;
        }

        /// <summary>ToanDan.Web.dll with its runtimeconfig: the copy the tests load, else the web project's build output.</summary>
        private static string WebAssembly()
        {
            var beside = typeof(ToanDanProgram).Assembly.Location;
            if (File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json")))
            {
                return beside;
            }

            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var (framework, configuration) = (output.Name, output.Parent?.Name ?? "Debug");
            for (var dir = output; dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "ToanDan.Web", "bin", configuration, framework, "ToanDan.Web.dll");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("ToanDan.Web.dll with its runtimeconfig.json not found beside the tests nor under src/ToanDan.Web/bin.");
        }

        [GeneratedRegex(@"http://127\.0\.0\.1:[0-9]+")]
        private static partial Regex Listening();
    }
}
