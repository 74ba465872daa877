using ToanDan.Web;

return await ToanDanProgram.MainAsync(args);

/// <summary>The entry point; public so that WebApplicationFactory&lt;Program&gt; can host it in tests.</summary>
public partial class Program;
