namespace Workspace.Domain.Signals;

/// <summary>Where a signal's value comes from, so an agent knows how much to trust it.</summary>
public enum SignalSource
{
    /// <summary>Stated by the integration or the customer.</summary>
    Declared,

    /// <summary>Seen in product events, transactions or conversations.</summary>
    Observed,

    /// <summary>Derived by a documented rule from declared and observed facts.</summary>
    Computed,
}
