using ToanDan.Bench;

return args switch
{
    ["units", .. var rest] => await UnitsImportBench.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ToanDan.Bench units [catalogue.csv]   (see bench/README.md)");
    return 2;
}
