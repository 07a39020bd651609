using System.Globalization;
using RuleOfLawPlan.Web.Cli;
using RuleOfLawPlan.Web.Startup;
using Serilog;

var command = CommandLine.Parse(args);
if (command.Error is not null)
{
    Console.Error.WriteLine(command.Error);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

// A dry run only reads the file: no configuration, no database.
if (command is { Verb: CommandVerb.ImportPlan, DryRun: true })
    return ImportPlanCommand.DryRun(command.File!, Console.Out, Console.Error);

// Until the host has its own logger, failures go to the console. Both loggers belong to this run of the entry
// point, never to Serilog's static Log.Logger: test hosts run this entry point concurrently in one process, and a
// shared static logger is frozen by one host and closed under the others (docs/decisions/008-one-logger-per-host.md).
await using var startupLog = new LoggerConfiguration().WriteTo.Console(formatProvider: CultureInfo.InvariantCulture).CreateLogger();
WebApplication? app = null;
try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = command.HostArgs,
        // `dotnet run` keeps the caller's folder (RunWorkingDirectory) so FILE arguments mean what the
        // administrator typed; the app's own files are then found next to the program.
        ContentRootPath = File.Exists("appsettings.json") ? null : AppContext.BaseDirectory,
    });
    builder.AddPlanServices();
    app = builder.Build();
    app.UsePlanPipeline();

    return command.Verb switch
    {
        CommandVerb.Migrate => await DatabaseCommands.MigrateAsync(app),
        CommandVerb.ImportPlan => await ImportPlanCommand.ImportAsync(app.Services, command.File!, Console.Out, Console.Error),
        CommandVerb.GenerateData => await GenerateDataCommand.RunAsync(app, command.Scale!, Console.Out, Console.Error),
        CommandVerb.CreateAdmin => await CreateAdminCommand.RunAsync(app.Services, command.UserName!, command.Reset,
            CreateAdminCommand.ReadPassword(), Console.Out, Console.Error),
        _ => await RunWebAsync(app),
    };
}
catch (OperationCanceledException)
{
    // Ctrl+C or SIGTERM while migrating or seeding: a normal stop, not a crash.
    Logger().Information("RuleOfLawPlan stopped before it finished starting");
    return 0;
}
catch (Exception ex) when (PortInUse.IsCause(ex))
{
    Logger().Fatal("{Problem}", PortInUse.Describe(ex));
    return 1;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Logger().Fatal(ex, "RuleOfLawPlan stopped: {Message}", ex.Message);
    return 1;
}
finally
{
    // Disposing the host also flushes and closes its logger.
    if (app is not null) await app.DisposeAsync();
}

// The host's logger (console and log file) once it exists, so a failure while migrating or seeding is in the file too.
Serilog.ILogger Logger() => app?.Services.GetService<Serilog.ILogger>() ?? startupLog;

static async Task<int> RunWebAsync(WebApplication app)
{
    // Not RunAsync: it disposes the host when the start fails, and with it the logger the catch blocks write to;
    // the finally block disposes it instead.
    await app.StartAsync();
    await app.WaitForShutdownAsync();
    return 0;
}

public partial class Program;
