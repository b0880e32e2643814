using Workspace.Web.Tests.Support;

[assembly: AssemblyFixture(typeof(WorkspaceApp))]
