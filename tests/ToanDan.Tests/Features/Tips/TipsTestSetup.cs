using System.Runtime.CompilerServices;

namespace ToanDan.Tests.Features.Tips;

/// <summary>
/// Points every application the tests build (templates, factories, isolated apps) at one key file of this test
/// process, so a tip encrypted while a template database was built opens in the app that uses the copy (the files
/// folder set here is a default: each ToanDanFactory has its own); and keeps the Tips background job out of the
/// tests (they call it directly).
/// </summary>
internal static class TipsTestSetup
{
    public static readonly string Folder = Path.Combine(Path.GetTempPath(), "toandan-tests-tips", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Configuration of the application under test must be in place before any host is built.")]
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("Tips__KeyFile", Path.Combine(Folder, "tips-keys.json"));
        Environment.SetEnvironmentVariable("Tips__FilesFolder", Path.Combine(Folder, "files"));
        Environment.SetEnvironmentVariable("Tips__JobsEnabled", "false");
        Environment.SetEnvironmentVariable("Tips__MinimumFillSeconds", "5");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        };
    }
}
