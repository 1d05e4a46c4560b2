using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Sentra.Web.Infrastructure.Email;

public sealed class EmailOptions
{
    public const string Section = "Sentra:Email";
    /// <summary><c>Smtp</c> sends through <see cref="Host"/>; <c>Pickup</c> writes .eml files to <see cref="PickupDirectory"/>.</summary>
    public string Mode { get; set; } = "Pickup";
    public string PickupDirectory { get; set; } = "data/mail";
    public string From { get; set; } = "Sentra <no-reply@sentra.local>";
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool UseStartTls { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
}

public interface IEmailSender
{
    Task SendAsync(string recipient, string subject, string text, CancellationToken cancellationToken = default);
}

/// <summary>Sends mail through SMTP (MailKit), or in Development and tests writes it to a pickup folder.</summary>
public sealed class EmailSender(IOptions<EmailOptions> options, IHostEnvironment environment, ILogger<EmailSender> logger) : IEmailSender
{
    public async Task SendAsync(string recipient, string subject, string text, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(recipient));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };

        if (string.Equals(o.Mode, "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(o.Host ?? throw new InvalidOperationException("Sentra:Email:Host is required when Mode is Smtp."), o.Port, o.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, cancellationToken);
            if (!string.IsNullOrEmpty(o.UserName)) await client.AuthenticateAsync(o.UserName, o.Password ?? "", cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
        }
        else
        {
            var directory = PickupPath(o, environment);
            Directory.CreateDirectory(directory);
            var file = Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file, cancellationToken);
        }
        logger.LogInformation("Sent e-mail {Subject} ({Mode})", subject, o.Mode);
    }

    public static string PickupPath(EmailOptions o, IHostEnvironment environment) =>
        Path.IsPathRooted(o.PickupDirectory) ? o.PickupDirectory : Path.Combine(environment.ContentRootPath, o.PickupDirectory);
}
