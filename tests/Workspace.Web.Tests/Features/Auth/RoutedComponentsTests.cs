using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Auth;

/// <summary>A new page cannot forget to say who may open it.</summary>
public sealed class RoutedComponentsTests(WorkspaceApp app)
{
    private static readonly IReadOnlyList<Type> RoutedComponents = typeof(Program).Assembly.GetTypes()
        .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any())
        .ToList();

    [Fact]
    public void Assembly_Always_HasRoutedComponents() =>
        Assert.Contains(RoutedComponents, t => t.GetCustomAttributes<RouteAttribute>().Any(r => r.Template == "/admin/users"));

    [Fact]
    public void EveryRoutedComponent_Always_DeclaresAPolicyOrAllowAnonymous()
    {
        var undeclared = RoutedComponents
            .Where(t => t.GetCustomAttribute<AllowAnonymousAttribute>() is null
                && !t.GetCustomAttributes<AuthorizeAttribute>().Any(a => !string.IsNullOrWhiteSpace(a.Policy)))
            .Select(t => t.FullName);

        Assert.Empty(undeclared);
    }

    [Fact]
    public async Task EveryDeclaredPolicy_Always_IsRegistered()
    {
        var policies = app.Service<IAuthorizationPolicyProvider>();
        var names = RoutedComponents.SelectMany(t => t.GetCustomAttributes<AuthorizeAttribute>()).Select(a => a.Policy!).Distinct();

        foreach (var name in names)
        {
            Assert.True(await policies.GetPolicyAsync(name) is not null, $"Policy '{name}' is not registered.");
        }
    }

    [Fact]
    public void AnonymousPages_Always_AreOnlyTheOnesMeantForEveryone()
    {
        var anonymous = RoutedComponents
            .Where(t => t.GetCustomAttribute<AllowAnonymousAttribute>() is not null)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))
            .Order(StringComparer.Ordinal);

        Assert.Equal(["/error", "/login", "/not-found"], anonymous);
    }
}
