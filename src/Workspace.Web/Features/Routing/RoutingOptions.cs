using Workspace.Domain.Routing;

namespace Workspace.Web.Features.Routing;

/// <summary>Settings under <c>Routing</c>: the offline grace period, how often queues are swept, and business hours.</summary>
public sealed class RoutingOptions
{
    /// <summary>An agent offline this long hands their conversations back to the queue.</summary>
    public TimeSpan OfflineGrace { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often queues are drained and offline agents' conversations returned, besides the immediate drains on every change.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    public string BusinessHoursTimeZone { get; set; } = BusinessHours.Default.TimeZone;

    public TimeOnly BusinessHoursOpen { get; set; } = BusinessHours.Default.Opens;

    public TimeOnly BusinessHoursClose { get; set; } = BusinessHours.Default.Closes;

    public BusinessHours BusinessHours => new(BusinessHoursTimeZone, BusinessHoursOpen, BusinessHoursClose, BusinessHours.Default.Days);
}
