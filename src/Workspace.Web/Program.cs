using Workspace.Data;
using Workspace.Web.Features.Admin;
using Workspace.Web.Features.Api;
using Workspace.Web.Features.Auth;
using Workspace.Web.Features.Chat;
using Workspace.Web.Features.Commands;
using Workspace.Web.Features.Context;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Features.Health;
using Workspace.Web.Features.Metrics;
using Workspace.Web.Features.Privacy;
using Workspace.Web.Features.Qa.Transcript;
using Workspace.Web.Features.Qa.Reviews;
using Workspace.Web.Features.Qa;
using Workspace.Web.Features.Routing;
using Workspace.Web.Features.Shell;
using Workspace.Web.Features.Templates;

var (command, hostArgs) = WorkspaceCommands.Split(args);
var builder = WebApplication.CreateBuilder(hostArgs);

builder.Services.AddWorkspaceData(builder.Environment.ContentRootPath);
builder.Services.AddWorkspaceAuth();
builder.Services.AddWorkspaceAdmin();
builder.Services.AddWorkspaceShell();
builder.Services.AddWorkspaceConversations();
builder.Services.AddWorkspaceChat();
builder.Services.AddWorkspaceContext();
builder.Services.AddWorkspaceRouting(builder.Configuration);
builder.Services.AddWorkspaceTemplates();
builder.Services.AddWorkspaceMetrics();
builder.Services.AddWorkspaceQaTranscript();
builder.Services.AddWorkspaceReviews();
builder.Services.AddWorkspaceQa();
builder.Services.AddWorkspacePrivacy();
builder.Services.AddWorkspaceApi();
builder.Services.AddWorkspaceHealth();

var app = builder.Build();

if (command is not null)
{
    return await WorkspaceCommands.RunAsync(app, command);
}

await app.InitializeWorkspaceDatabaseAsync();

app.UseWorkspaceShell();
app.MapWorkspaceHealth();
app.MapWorkspaceAuth();
app.MapWorkspaceConversations();
app.MapWorkspaceChat();
app.MapWorkspaceApi();
app.MapWorkspaceQaTranscript();
app.MapWorkspaceQa();
app.MapWorkspacePages();

await app.RunAsync();
return 0;

public partial class Program;
