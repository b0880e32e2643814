using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Workspace.Benchmarks.Templates;

/// <summary>
/// Serves Liquid partials from memory to Fluid's <c>include</c> (through <c>TemplateOptions.FileProvider</c>), under
/// their name with and without Fluid's default <c>.liquid</c> extension. The files never change, so Fluid parses each
/// once and takes it from its template cache on every later render.
/// </summary>
public sealed class InMemoryFileProvider : IFileProvider
{
    private static readonly DateTimeOffset Written = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, IFileInfo> _files = new(StringComparer.Ordinal);

    public InMemoryFileProvider(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var (name, content) in files)
        {
            var file = new File(name, Encoding.UTF8.GetBytes(content));
            _files[name] = file;
            _files[name + ".liquid"] = file;
        }
    }

    public IFileInfo GetFileInfo(string subpath) =>
        _files.TryGetValue(subpath.TrimStart('/'), out var file) ? file : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class File(string name, byte[] content) : IFileInfo
    {
        public bool Exists => true;

        public long Length => content.Length;

        public string? PhysicalPath => null;

        public string Name => name;

        public DateTimeOffset LastModified => Written;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(content, writable: false);
    }
}
