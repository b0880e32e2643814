using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Workspace.Data.Audit;
using Workspace.Data.Staff;
using Workspace.Web.Features.Auth;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Components;

/// <summary>
/// One bUnit context per test: MudBlazor services with loose JS interop and a popover provider, and
/// the real app's services (repositories on the seeded test database, notifier, conversation service)
/// behind them, so components talk to the same data and notifications the running app does.
/// </summary>
public abstract class ComponentTestContext : BunitContext
{
    protected ComponentTestContext(WorkspaceApp app)
    {
        App = app;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        // Scoped app services (as a circuit would have them) come from a scope of this test's own.
        _appScope = app.Services.CreateAsyncScope();
        Services.AddFallbackServiceProvider(_appScope.ServiceProvider);
        Auth = AddAuthorization();
        // Pages' handlers re-check the signed-in user with the app's real policies (roles, not bUnit's policy
        // list), against the user bUnit's authentication state holds at the moment of the click.
        Services.AddSingleton(app.Service<IAuthorizationService>());
        Services.AddScoped(sp => new PageAuthorizer(
            sp.GetRequiredService<AuthenticationStateProvider>(), sp.GetRequiredService<IAuthorizationService>(), app.Service<AuditLog>(), app.Service<TimeProvider>()));
    }

    private readonly AsyncServiceScope _appScope;

    protected WorkspaceApp App { get; }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _appScope.DisposeAsync();
    }

    protected BunitAuthorizationContext Auth { get; }

    /// <summary>Signs the test in as a demo or test account: the same claims the cookie would carry.</summary>
    protected async Task<StaffUser> SignInAsAsync(string email)
    {
        var user = await App.Service<StaffRepository>().FindByEmailAsync(email, CancellationToken.None)
            ?? throw new InvalidOperationException($"No user {email}.");
        var principal = Web.Features.Auth.StaffAuth.ToPrincipal(user);
        Auth.SetAuthorized(user.DisplayName);
        Auth.SetRoles([.. user.Roles.Select(r => r.ToString())]);
        Auth.SetClaims([.. principal.Claims.Where(c => c.Type is ClaimTypes.NameIdentifier or ClaimTypes.Email)]);
        return user;
    }

    /// <summary>Renders a component with the popover provider MudBlazor menus and selects need.</summary>
    protected IRenderedComponent<TComponent> RenderWithPopovers<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        Render<MudPopoverProvider>();
        return parameters is null ? Render<TComponent>() : Render(parameters);
    }
}
