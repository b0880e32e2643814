namespace Workspace.Domain.Templates;

/// <summary>What a lint warning is about.</summary>
public enum TemplateWarningKind
{
    /// <summary>The text does not parse, breaks a limit, or misuses <c>include</c>.</summary>
    Syntax,

    /// <summary>A variable or field that is not in the template model and that the template does not set itself.</summary>
    UnknownVariable,

    /// <summary>A function that is not on the allow-list.</summary>
    UnknownFunction,

    /// <summary>An include of a block the library does not have.</summary>
    UnknownBlock,

    /// <summary>A required data point that is not a field of the template model.</summary>
    UnknownRequiredData,

    /// <summary>A required data point the chosen customer does not have.</summary>
    MissingData,
}
