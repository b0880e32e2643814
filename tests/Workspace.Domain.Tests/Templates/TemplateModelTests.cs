using Scriban.Runtime;
using Workspace.Domain.Templates;

namespace Workspace.Domain.Tests.Templates;

public class TemplateModelTests
{
    [Fact]
    public void Build_HoldsOnlyPlainValues_NeverADotNetObject()
    {
        var model = TemplateModel.Build(TemplateModel.Example);

        Assert.All(Values(model), value => Assert.True(
            value is null or string or int or long or bool or ScriptObject or ScriptArray,
            $"{value?.GetType().Name} in the model"));
    }

    [Fact]
    public void Build_HasExactlyTheDocumentedFields() =>
        Assert.Equal(TemplateModel.Paths.Order(StringComparer.Ordinal), PathsOf(TemplateModel.Build(TemplateModel.Example), null).Order(StringComparer.Ordinal));

    [Fact]
    public void Build_EverySectionIsReadOnly()
    {
        var model = TemplateModel.Build(TemplateModel.Example);

        Assert.All(TemplateModel.Roots, root => Assert.False(model.CanWrite(root), root));
        Assert.All(Values(model).OfType<ScriptObject>().Where(o => !ReferenceEquals(o, model)), section => Assert.True(section.IsReadOnly));
        Assert.All(Values(model).OfType<ScriptArray>(), list => Assert.True(list.IsReadOnly));
    }

    [Fact]
    public void Build_WithoutConversationOrAgent_TheyAreEmpty()
    {
        var model = TemplateModel.Build(TemplateModel.Example with { Conversation = null, Agent = null });

        Assert.Null(model["conversation"]);
        Assert.Null(model["agent"]);
    }

    [Fact]
    public void Build_EachCallIsANewModel() =>
        Assert.NotSame(TemplateModel.Build(TemplateModel.Example)["customer"], TemplateModel.Build(TemplateModel.Example)["customer"]);

    [Fact]
    public void Reference_DescribesEveryFieldWithAnExample()
    {
        Assert.Equal(TemplateModel.Paths.Count, TemplateModel.Reference.Count);
        Assert.All(TemplateModel.Reference, field =>
        {
            Assert.False(string.IsNullOrWhiteSpace(field.Description), field.Path);
            Assert.False(string.IsNullOrWhiteSpace(field.Example), field.Path);
        });
    }

    [Fact]
    public void Reference_ExamplesAreWhatATemplateRendersForTheExampleCustomer()
    {
        var fields = TemplateModel.Reference.Where(f => f.Kind is TemplateFieldKind.Text or TemplateFieldKind.Number or TemplateFieldKind.YesNo or TemplateFieldKind.TextList && !f.Path.Contains("[]", StringComparison.Ordinal));

        Assert.All(fields, field => Assert.Equal(field.Example, SampleTemplates.Text($"{{{{ {field.Path} }}}}")));
    }

    [Fact]
    public void Reference_ListItemsAreDocumentedWithTheirListMarker()
    {
        Assert.Contains(TemplateModel.Reference, f => f.Path == "segments[].name" && f.Example == "New Pro accounts");
        Assert.Contains(TemplateModel.Reference, f => f.Path == "recommendations.knowledge_links[].url" && f.Example.StartsWith("https://", StringComparison.Ordinal));
        Assert.True(TemplateModel.IsList("segments"));
        Assert.False(TemplateModel.IsList("segments[].name"));
    }

    [Fact]
    public void Example_FillsEveryField() =>
        Assert.Empty(TemplateLint.Missing(TemplateModel.Example, [.. TemplateModel.Paths]));

    private static IEnumerable<object?> Values(object? value)
    {
        yield return value;
        var children = value switch
        {
            ScriptArray list => list.Cast<object?>(),
            ScriptObject section => section.Values,
            _ => [],
        };
        foreach (var child in children.SelectMany(Values))
        {
            yield return child;
        }
    }

    private static IEnumerable<string> PathsOf(ScriptObject section, string? prefix)
    {
        foreach (var (key, value) in section)
        {
            var path = prefix is null ? key : $"{prefix}.{key}";
            yield return path;
            var nested = value switch
            {
                ScriptObject child => PathsOf(child, path),
                ScriptArray { Count: > 0 } list when list[0] is ScriptObject item => PathsOf(item, path + "[]"),
                _ => [],
            };
            foreach (var inner in nested)
            {
                yield return inner;
            }
        }
    }
}
