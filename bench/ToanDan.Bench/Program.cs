using ToanDan.Bench;

return args switch
{
    ["units", .. var rest] => await UnitsImportBench.RunAsync(rest),
    ["tips", .. var rest] => await TipsSubmitBench.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ToanDan.Bench units [catalogue.csv] | tips [per round] [rounds] [warm-up] [clients]   (see bench/README.md)");
    return 2;
}
