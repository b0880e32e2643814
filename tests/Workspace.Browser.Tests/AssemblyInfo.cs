using Workspace.Browser.Tests.Support;

// One app and one browser serve every test; each test gets its own browser context (cookies, storage).
[assembly: AssemblyFixture(typeof(BrowserApp))]
