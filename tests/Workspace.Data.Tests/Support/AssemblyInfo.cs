using Workspace.Data.Tests.Support;

[assembly: AssemblyFixture(typeof(SqlServerTestServer))]
