using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Strata.Tool.Editing;

/// <summary>
/// One C# file being edited. Every edit finds its place in the Roslyn syntax tree and inserts text there,
/// so the user's own code, comments and formatting stay exactly as they were.
/// </summary>
internal sealed class SourceFile
{
    private CompilationUnitSyntax? _root;

    public SourceFile(string path, string text, bool isNew)
    {
        Path = path;
        OriginalText = isNew ? null : text;
        Text = text;
    }

    public string Path { get; }

    /// <summary>The file's text before this run, or null for a file this run creates.</summary>
    public string? OriginalText { get; }

    public string Text { get; private set; }

    public bool IsChanged => Text != OriginalText;

    public CompilationUnitSyntax Root => _root ??= CSharpSyntaxTree.ParseText(Text).GetCompilationUnitRoot();

    public static SourceFile Open(string path) => new(path, File.ReadAllText(path), isNew: false);

    /// <summary>The namespace the file declares (file-scoped or block), or "".</summary>
    public string Namespace => Root.Members.OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString() ?? "";

    public TypeDeclarationSyntax? FindType(string name) =>
        Root.DescendantNodes().OfType<TypeDeclarationSyntax>()
            .FirstOrDefault(type => type.Identifier.ValueText == name);

    public TypeDeclarationSyntax Type(string name) =>
        FindType(name) ?? throw new InputException($"{Path}: no type {name} in this file; restore it or pass the right name.");

    /// <summary>Whether the type declares a member (property, field, method...) named <paramref name="member"/>.</summary>
    public bool HasMember(string typeName, string member) =>
        Type(typeName).Members.Any(m => m switch
        {
            PropertyDeclarationSyntax property => property.Identifier.ValueText == member,
            MethodDeclarationSyntax method => method.Identifier.ValueText == member,
            FieldDeclarationSyntax field => field.Declaration.Variables.Any(v => v.Identifier.ValueText == member),
            BaseTypeDeclarationSyntax nested => nested.Identifier.ValueText == member,
            _ => false,
        });

    private static readonly HashSet<string> CollectionTypes = ["ICollection", "IList", "List", "HashSet", "ISet", "IReadOnlyCollection", "IReadOnlyList", "IEnumerable"];

    /// <summary>
    /// Adds properties before the type's collection navigations (<c>ICollection&lt;Product&gt; Products</c>), where the
    /// house style keeps them last, or at the end; a blank line before each.
    /// </summary>
    public void AddProperties(string typeName, IReadOnlyList<string> members)
    {
        var type = Type(typeName);
        var collection = type.Members.OfType<PropertyDeclarationSyntax>()
            .FirstOrDefault(property => property.Type is GenericNameSyntax generic && CollectionTypes.Contains(generic.Identifier.ValueText));
        if (members.Count == 0 || collection is null)
        {
            AddMembers(typeName, members);
            return;
        }

        var indent = IndentOf(type.CloseBraceToken) + "    ";
        var text = new StringBuilder();
        var isFirst = type.Members[0] == collection;
        foreach (var member in members)
        {
            if (!isFirst)
            {
                text.Append('\n');
            }

            AppendIndented(text, member, indent);
            isFirst = false;
        }

        // The collection's own leading blank line now separates it from the last new property.
        if (type.Members[0] == collection)
        {
            text.Append('\n');
        }

        Replace(collection.FullSpan.Start, 0, text.ToString());
    }

    /// <summary>Adds members at the end of the type, a blank line before each (the house style).</summary>
    public void AddMembers(string typeName, IReadOnlyList<string> members)
    {
        if (members.Count == 0)
        {
            return;
        }

        var type = Type(typeName);
        var indent = IndentOf(type.CloseBraceToken) + "    ";
        var text = new StringBuilder();
        var first = type.Members.Count == 0;
        foreach (var member in members)
        {
            if (!first)
            {
                text.Append('\n');
            }

            first = false;
            AppendIndented(text, member, indent);
        }

        InsertAtLineStart(type.CloseBraceToken, text.ToString());
    }

    /// <summary>
    /// Adds statement groups at the end of a block. Single-line statements follow each other; a blank line
    /// goes before and after a multi-line group (a relationship with its comment).
    /// </summary>
    public void AddStatements(BlockSyntax block, IReadOnlyList<string> groups)
    {
        if (groups.Count == 0)
        {
            return;
        }

        var indent = IndentOf(block.CloseBraceToken) + "    ";
        var text = new StringBuilder();
        var previousIsBlock = block.Statements.Count == 0 ? (bool?)null : IsMultiLine(block.Statements[^1]);
        foreach (var group in groups)
        {
            var isBlock = group.Contains('\n', StringComparison.Ordinal);
            if (previousIsBlock is not null && (previousIsBlock.Value || isBlock))
            {
                text.Append('\n');
            }

            AppendIndented(text, group, indent);
            previousIsBlock = isBlock;
        }

        InsertAtLineStart(block.CloseBraceToken, text.ToString());
    }

    /// <summary>Adds <c>using <paramref name="ns"/>;</c> in sorted position (System first), unless the file already sees that namespace.</summary>
    public void AddUsing(string ns)
    {
        var own = Namespace;
        if (ns.Length == 0 || own == ns || own.StartsWith(ns + ".", StringComparison.Ordinal))
        {
            return;
        }

        var usings = Root.Usings;
        if (usings.Any(u => u.Name?.ToString() == ns && u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None)))
        {
            return;
        }

        var line = $"using {ns};\n";
        if (usings.Count == 0)
        {
            Replace(0, 0, line + "\n");
            return;
        }

        var next = usings.FirstOrDefault(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && CompareUsings(ns, u.Name!.ToString()) < 0);
        if (next is not null)
        {
            Replace(next.SpanStart, 0, line);
        }
        else
        {
            var last = usings.Last(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None));
            Replace(last.FullSpan.End, 0, line);
        }
    }

    /// <summary>Puts the file's plain using directives in sorted order (for the engine's skeletons, whose order is fixed).</summary>
    public void SortUsings()
    {
        var usings = Root.Usings;
        if (usings.Count < 2 || usings.Any(u => u.Alias is not null || !u.StaticKeyword.IsKind(SyntaxKind.None) || !u.GlobalKeyword.IsKind(SyntaxKind.None))
            || usings.Skip(1).Any(u => u.GetLeadingTrivia().Any(trivia => !trivia.IsKind(SyntaxKind.WhitespaceTrivia) && !trivia.IsKind(SyntaxKind.EndOfLineTrivia))))
        {
            return;
        }

        var names = usings.Select(u => u.Name!.ToString()).ToList();
        var sorted = names.Order(Comparer<string>.Create(CompareUsings)).ToList();
        if (names.SequenceEqual(sorted))
        {
            return;
        }

        var newline = Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        Replace(usings[0].SpanStart, usings[^1].Span.End - usings[0].SpanStart, string.Join(newline, sorted.Select(name => $"using {name};")));
    }

    /// <summary>The order dotnet format keeps: System namespaces first, then alphabetical.</summary>
    internal static int CompareUsings(string left, string right)
    {
        static bool IsSystem(string ns) => ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal);
        var system = IsSystem(right).CompareTo(IsSystem(left));
        return system != 0 ? system : string.Compare(left, right, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Removes a member of the type with its comments and the blank line before it; every other line stays as it was.
    /// </summary>
    public void RemoveMember(MemberDeclarationSyntax member)
    {
        var type = (TypeDeclarationSyntax)member.Parent!;
        var index = type.Members.IndexOf(member);
        var start = member.FullSpan.Start;
        var end = member.FullSpan.End;
        if (index == 0 && type.Members.Count > 1)
        {
            // The first member: the next one's blank line goes too, so no blank line follows the brace.
            var next = type.Members[1];
            var blank = next.GetLeadingTrivia().TakeWhile(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia) || trivia.IsKind(SyntaxKind.WhitespaceTrivia)).ToList();
            var lastNewLine = blank.FindLastIndex(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
            if (lastNewLine >= 0)
            {
                end = blank[lastNewLine].FullSpan.End;
            }
        }

        Replace(start, end - start, "");
    }

    /// <summary>Removes <c>using <paramref name="ns"/>;</c> (a plain using directive), if the file has it.</summary>
    public void RemoveUsing(string ns)
    {
        var directive = Root.Usings.FirstOrDefault(u => u.Name?.ToString() == ns && u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None));
        if (directive is null)
        {
            return;
        }

        var end = directive.FullSpan.End;
        // The last using before a blank line: take that blank line too when no using is left.
        if (Root.Usings.Count == 1 && Root.Members.FirstOrDefault() is { } first)
        {
            var blank = first.GetLeadingTrivia().TakeWhile(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia)).ToList();
            end = blank.Count > 0 ? blank[^1].FullSpan.End : end;
        }

        Replace(directive.FullSpan.Start, end - directive.FullSpan.Start, "");
    }

    /// <summary>Replaces a span of the text and forgets the parsed tree.</summary>
    public void Replace(int start, int length, string replacement)
    {
        // Keep the file's own line endings (a file saved on Windows has CRLF).
        if (Text.Contains("\r\n", StringComparison.Ordinal))
        {
            replacement = replacement.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
        }

        Text = string.Concat(Text.AsSpan(0, start), replacement, Text.AsSpan(start + length));
        _root = null;
    }

    private void InsertAtLineStart(SyntaxToken token, string text)
    {
        var source = Root.SyntaxTree.GetText();
        var lineStart = source.Lines.GetLineFromPosition(token.SpanStart).Start;
        Replace(lineStart, 0, text);
    }

    private string IndentOf(SyntaxToken token)
    {
        var source = Root.SyntaxTree.GetText();
        var line = source.Lines.GetLineFromPosition(token.SpanStart);
        return new string(' ', token.SpanStart - line.Start);
    }

    private static bool IsMultiLine(SyntaxNode node)
    {
        var span = node.GetLocation().GetLineSpan();
        return span.EndLinePosition.Line > span.StartLinePosition.Line
            || node.GetLeadingTrivia().Any(trivia => trivia.IsKind(SyntaxKind.SingleLineCommentTrivia));
    }

    private static void AppendIndented(StringBuilder text, string lines, string indent)
    {
        foreach (var line in lines.Split('\n'))
        {
            text.Append(line.Length == 0 ? "" : indent).Append(line).Append('\n');
        }
    }
}
