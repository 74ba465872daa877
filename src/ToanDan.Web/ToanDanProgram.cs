using ToanDan.Web.Infrastructure.Cli;

namespace ToanDan.Web;

/// <summary>
/// One executable, two faces: an administrative command (<c>migrate</c>, <c>units import</c>…) when the
/// first argument is a command word, otherwise the web host. See <see cref="CliCommands"/>.
/// </summary>
public static class ToanDanProgram
{
    public static async Task<int> MainAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (CliCommands.IsCommand(args))
        {
            return await CliCommands.RunAsync(args, Console.Out, Console.Error);
        }

        var demo = args.Contains("--demo", StringComparer.Ordinal);
        var webArgs = args.Where(a => a != "--demo").ToArray();
        var app = ToanDanApp.Build(webArgs, demo);
        return await ToanDanApp.RunAsync(app, demo);
    }
}
