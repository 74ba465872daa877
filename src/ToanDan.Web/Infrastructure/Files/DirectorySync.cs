using System.ComponentModel;
using System.Runtime.InteropServices;

namespace ToanDan.Web.Infrastructure.Files;

/// <summary>
/// Flushes a directory's entries to disk (fsync of the directory), so that a file just created in it — already
/// flushed itself — is still there after a power cut, not only after a killed process. POSIX only: on Windows,
/// NTFS journals its metadata and .NET cannot open a directory for flushing; there it does nothing.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0; // O_RDONLY

    /// <summary>Flushes the entries of <paramref name="directory"/>; throws <see cref="IOException"/> when the system refuses.</summary>
    public static void Flush(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()))
        {
            return;
        }

        var fd = Native.open(directory, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"Cannot open the folder {directory} to flush it: {new Win32Exception(Marshal.GetLastPInvokeError()).Message}");
        }

        try
        {
            if (Native.fsync(fd) != 0)
            {
                throw new IOException($"Cannot flush the folder {directory}: {new Win32Exception(Marshal.GetLastPInvokeError()).Message}");
            }
        }
        finally
        {
            _ = Native.close(fd);
        }
    }

    private static class Native
    {
#pragma warning disable SA1300, IDE1006 // The C library's names.
        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int open(string path, int flags);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int fsync(int fd);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int close(int fd);
#pragma warning restore SA1300, IDE1006
    }
}
