namespace Sentra.Tests.Infrastructure;

public static class RepoPaths
{
    /// <summary>The checkout's root: the folder holding Sentra.slnx above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string WebProject => Path.Combine(Root, "src", "Sentra.Web");

    /// <summary>The built Sentra.Web.dll of the same configuration as the tests.</summary>
    public static string WebDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(WebProject, "bin", configuration, "net10.0", "Sentra.Web.dll");
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sentra.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Sentra.slnx not found above " + AppContext.BaseDirectory);
    }
}
