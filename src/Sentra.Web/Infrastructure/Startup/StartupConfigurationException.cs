namespace Sentra.Web.Infrastructure.Startup;

/// <summary>A configuration problem that stops start-up; its message is the one line printed.</summary>
public sealed class StartupConfigurationException(string message) : Exception(message);
