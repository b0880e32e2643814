namespace Workspace.Web.Features.Qa.Reviews;

public static class ReviewsModule
{
    public static IServiceCollection AddWorkspaceReviews(this IServiceCollection services) =>
        services.AddSingleton<ReviewService>();
}
