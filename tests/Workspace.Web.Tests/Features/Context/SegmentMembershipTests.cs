using System.Net;
using System.Text;
using System.Text.Json;
using Workspace.Data.Segments;
using Workspace.Domain.Segments;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Context;

/// <summary>Segment membership is evaluated live: a customer moves in and out as their events arrive.</summary>
public sealed class SegmentMembershipTests(WorkspaceApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static async Task<List<string?>> SegmentsOfAsync(HttpClient api, string id) =>
        JsonDocument.Parse(await api.GetStringAsync($"/api/v1/customers/{id}/context", Ct)).RootElement
            .GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("key").GetString()).ToList();

    [Fact]
    public async Task Membership_FailedStepThenCompleted_MovesInThenOut()
    {
        var key = $"stuck-{Guid.NewGuid():N}"[..20];
        await app.Service<SegmentRepository>().SaveAsync(key, "Stuck test", null,
            new SegmentDefinition(true, [new("failedOnboardingStep", SegmentOperator.Equals, ["true"]), new("tier", SegmentOperator.Equals, ["Starter"])]),
            "tests", DateTimeOffset.UtcNow, Ct);
        using var api = app.CreateApiClient();
        var id = $"seg-{Guid.NewGuid():N}"[..20];
        var now = DateTimeOffset.UtcNow;
        using (var put = await api.PutAsync($"/api/v1/customers/{id}", Json(new { name = "Segment Mover", tier = "Starter", signedUpAt = now.AddDays(-3) }), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }
        Assert.DoesNotContain(key, await SegmentsOfAsync(api, id));

        using (var failed = await api.PostAsync($"/api/v1/customers/{id}/events",
            Json(new { eventId = "f1", kind = "OnboardingStepFailed", name = "invite-team", occurredAt = now.AddHours(-2) }), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, failed.StatusCode);
        }
        var inside = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/customers/{id}/context", Ct)).RootElement
            .GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("key").GetString() == key);
        Assert.Contains("Has a failed onboarding step is true: yes (is true)", inside.GetProperty("reason").GetString(), StringComparison.Ordinal);

        using (var done = await api.PostAsync($"/api/v1/customers/{id}/events",
            Json(new { eventId = "c1", kind = "OnboardingStepCompleted", name = "invite-team", occurredAt = now.AddHours(-1) }), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, done.StatusCode);
        }
        Assert.DoesNotContain(key, await SegmentsOfAsync(api, id));
    }
}
