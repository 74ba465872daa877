using ToanDan.Web.Features.Tips;
using ToanDan.Web.Features.Tips.Privacy;
using ToanDan.Web.Infrastructure.Files;

namespace ToanDan.Tests.Infrastructure.Files;

/// <summary>The folder flush that makes a new attachment's directory entry durable (POSIX fsync of the folder).</summary>
public sealed class DirectorySyncTests
{
    [Fact]
    public void Flush_AnExistingFolder_Succeeds_AMissingOne_IsAnIOException()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "fsync of a folder is a POSIX call; elsewhere Flush does nothing");
        var folder = Directory.CreateTempSubdirectory("toandan-sync-");
        try
        {
            DirectorySync.Flush(folder.FullName);
            var missing = Path.Combine(folder.FullName, "missing");
            var error = Assert.Throws<IOException>(() => DirectorySync.Flush(missing));
            Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task TipFileStore_WritesIntoANewRootAndTipFolder()
    {
        var folder = Directory.CreateTempSubdirectory("toandan-sync-");
        try
        {
            var root = Path.Combine(folder.FullName, "new-root");
            var store = new TipFileStore(
                Microsoft.Extensions.Options.Options.Create(new TipsOptions { FilesFolder = root }),
                new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = folder.FullName });
            var tip = Guid.CreateVersion7();
            var file = Guid.CreateVersion7();
            await store.WriteAsync(tip, file, view: false, [1, 2, 3], TestContext.Current.CancellationToken);
            Assert.Equal([1, 2, 3], await store.ReadAsync(tip, file, view: false, TestContext.Current.CancellationToken));
            await Assert.ThrowsAsync<IOException>(() => store.WriteAsync(tip, file, view: false, [4], TestContext.Current.CancellationToken));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
