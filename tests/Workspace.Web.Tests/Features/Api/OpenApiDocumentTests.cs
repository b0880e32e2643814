using System.Net;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Api;

public sealed class OpenApiDocumentTests(WorkspaceApp app)
{
    [Fact]
    public async Task Document_Anonymous_ListsTheCustomerOperations()
    {
        using var client = app.CreateApiClient(apiKey: null);

        using var response = await client.GetPathAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.JsonAsync()).GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/customers/{externalId}").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/v1/customers/{externalId}/events").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/customers/{externalId}/transactions").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/customers/{externalId}/context").TryGetProperty("get", out _));
    }

    [Fact]
    public async Task Document_Always_DeclaresTheApiKeyHeaderScheme()
    {
        using var client = app.CreateApiClient(apiKey: null);

        using var response = await client.GetPathAsync("/openapi/v1.json");

        var document = await response.JsonAsync();
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        Assert.Contains(document.GetProperty("security").EnumerateArray(), requirement => requirement.TryGetProperty("ApiKey", out _));
    }
}
