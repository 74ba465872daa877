// Placeholder: the benchmark suite is being written separately. Kept so that ToanDan.slnx restores and builds.
Console.WriteLine("Usage: dotnet run --project bench/ToanDan.Bench -c Release -- [benchmark filter]");
Console.WriteLine("No benchmarks yet: this is a placeholder project.");
return 0;
