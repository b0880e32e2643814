namespace Workspace.Web.Features.Routing;

public static class RoutingModule
{
    public static IServiceCollection AddWorkspaceRouting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection("Routing"))
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.BusinessHoursTimeZone, out _), "Routing:BusinessHoursTimeZone is not a time zone this machine knows.")
            .Validate(o => o.BusinessHoursOpen < o.BusinessHoursClose, "Routing:BusinessHoursOpen must be before Routing:BusinessHoursClose.")
            .Validate(o => o.OfflineGrace >= TimeSpan.Zero && o.SweepInterval >= TimeSpan.FromSeconds(1), "Routing:OfflineGrace must not be negative and Routing:SweepInterval is at least 1 s.")
            .ValidateOnStart();
        services.AddSingleton<RoutingService>();
        return services;
    }
}
