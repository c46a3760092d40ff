using System.Runtime.CompilerServices;

namespace StoreSite.Tests.Infrastructure;

/// <summary>
/// Every test site's file providers (config reload, <c>asp-append-version</c> on wwwroot) would open
/// inotify instances that are only released when the garbage collector gets to them; a few hundred
/// sites in one run exceed the kernel's per-user limit (128). Polling watchers need none.
/// </summary>
internal static class PollingFileWatcher
{
#pragma warning disable CA2255 // A test assembly sets its process environment once, before any host is built.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Use() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
