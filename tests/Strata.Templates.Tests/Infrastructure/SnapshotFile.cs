using System.Text;

namespace Strata.Templates.Tests.Infrastructure;

/// <summary>One file of a snapshot: text (line endings normalised to '\n') or, if it holds a NUL byte, raw bytes.</summary>
public sealed class SnapshotFile
{
    private readonly byte[] _bytes;

    private SnapshotFile(byte[] bytes, string? text)
    {
        _bytes = bytes;
        Text = text;
    }

    /// <summary>The normalised text, or <see langword="null"/> for a binary file.</summary>
    public string? Text { get; }

    public bool IsBinary => Text is null;

    public static SnapshotFile Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return new SnapshotFile(bytes, text: null);
        }

        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(bytes)
            .TrimStart('\uFEFF')
            .Replace("\r\n", "\n", StringComparison.Ordinal);
        return new SnapshotFile(bytes, text);
    }

    public bool HasSameContentAs(SnapshotFile other) =>
        IsBinary || other.IsBinary ? _bytes.AsSpan().SequenceEqual(other._bytes) : Text == other.Text;

    /// <summary>Writes the file as read: bytes exactly, so an approved snapshot keeps the generated encoding.</summary>
    public void WriteTo(string path) => File.WriteAllBytes(path, _bytes);
}
