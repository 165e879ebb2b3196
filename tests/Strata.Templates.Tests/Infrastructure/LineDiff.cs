using System.Text;

namespace Strata.Templates.Tests.Infrastructure;

/// <summary>A small unified-style line diff for failure messages (not a general-purpose diff tool).</summary>
public static class LineDiff
{
    private const int ContextLines = 3;

    /// <summary>Above this many line pairs the diff only reports the first differing line, to stay cheap.</summary>
    private const long MaxComparisons = 4_000_000;

    /// <summary>
    /// Returns "-"/"+"/" " prefixed lines with <see cref="ContextLines"/> lines of context around
    /// each change, at most <paramref name="maxOutputLines"/> lines; empty when the texts are equal.
    /// </summary>
    public static string Unified(string expected, string actual, int maxOutputLines = 80)
    {
        var oldLines = expected.Split('\n');
        var newLines = actual.Split('\n');
        if ((long)oldLines.Length * newLines.Length > MaxComparisons)
        {
            return FirstDifference(oldLines, newLines);
        }

        var edits = Edits(oldLines, newLines);
        var changed = edits.Select((edit, index) => (edit, index)).Where(pair => pair.edit.Kind != ' ').Select(pair => pair.index).ToList();
        if (changed.Count == 0)
        {
            return "";
        }

        var output = new StringBuilder();
        var lineCount = 0;
        var lastPrinted = -1;
        foreach (var index in changed)
        {
            var from = Math.Max(lastPrinted + 1, index - ContextLines);
            var to = Math.Min(edits.Count - 1, index + ContextLines);
            if (from > lastPrinted + 1)
            {
                output.AppendLine($"@@ expected line {edits[from].OldLineNumber}, received line {edits[from].NewLineNumber} @@");
            }

            for (var i = from; i <= to; i++, lineCount++)
            {
                if (lineCount == maxOutputLines)
                {
                    return output.AppendLine("... (diff cut short)").ToString();
                }

                output.Append(edits[i].Kind).Append(' ').AppendLine(edits[i].Line);
            }

            lastPrinted = to;
        }

        return output.ToString();
    }

    private static List<Edit> Edits(string[] oldLines, string[] newLines)
    {
        // Longest common subsequence table, filled from the end.
        var lengths = new int[oldLines.Length + 1, newLines.Length + 1];
        for (var i = oldLines.Length - 1; i >= 0; i--)
        {
            for (var j = newLines.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = oldLines[i] == newLines[j]
                    ? lengths[i + 1, j + 1] + 1
                    : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var edits = new List<Edit>();
        int oldIndex = 0, newIndex = 0;
        while (oldIndex < oldLines.Length || newIndex < newLines.Length)
        {
            if (oldIndex < oldLines.Length && newIndex < newLines.Length && oldLines[oldIndex] == newLines[newIndex])
            {
                edits.Add(new Edit(' ', oldLines[oldIndex], ++oldIndex, ++newIndex));
            }
            else if (oldIndex < oldLines.Length && (newIndex == newLines.Length || lengths[oldIndex + 1, newIndex] >= lengths[oldIndex, newIndex + 1]))
            {
                // Removals before additions, as in unified diffs.
                edits.Add(new Edit('-', oldLines[oldIndex], ++oldIndex, newIndex + 1));
            }
            else
            {
                edits.Add(new Edit('+', newLines[newIndex], oldIndex + 1, ++newIndex));
            }
        }

        return edits;
    }

    private static string FirstDifference(string[] oldLines, string[] newLines)
    {
        var index = 0;
        while (index < oldLines.Length && index < newLines.Length && oldLines[index] == newLines[index])
        {
            index++;
        }

        return $"first difference at line {index + 1}:\n" +
               $"- {(index < oldLines.Length ? oldLines[index] : "(end of file)")}\n" +
               $"+ {(index < newLines.Length ? newLines[index] : "(end of file)")}\n";
    }

    private readonly record struct Edit(char Kind, string Line, int OldLineNumber, int NewLineNumber);
}
