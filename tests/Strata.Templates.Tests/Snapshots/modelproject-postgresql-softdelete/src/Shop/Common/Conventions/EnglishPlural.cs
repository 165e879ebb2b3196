using Humanizer;

namespace Shop.Common.Conventions;

/// <summary>
/// The one pluralizer for entity names: table names (<see cref="PluralTableNameConvention"/>), and the
/// DbSet and file names that <c>dotnet strata</c> writes, so the three always agree. Humanizer's English
/// rules, corrected for nouns they get wrong (<c>Cafe</c> → <c>Caves</c>, <c>Bonus</c> → <c>Bonus</c>).
/// Only the last word of a compound name is pluralized: <c>OrderLine</c> → <c>OrderLines</c>,
/// <c>SalesPerson</c> → <c>SalesPeople</c>.
/// </summary>
internal static class EnglishPlural
{
    // Checked before Humanizer, for the last word of the name, in any letter case.
    private static readonly Dictionary<string, string> Corrections = new(StringComparer.OrdinalIgnoreCase)
    {
        // -fe and -f words that take a plain -s (Humanizer: Caves, Saves, Dwarves, Gulves).
        ["cafe"] = "cafes",
        ["safe"] = "safes",
        ["carafe"] = "carafes",
        ["giraffe"] = "giraffes",
        ["fife"] = "fifes",
        ["strife"] = "strifes",
        ["dwarf"] = "dwarfs",
        ["gulf"] = "gulfs",
        ["serf"] = "serfs",
        ["turf"] = "turfs",
        ["chef"] = "chefs",
        ["chief"] = "chiefs",
        ["belief"] = "beliefs",
        ["brief"] = "briefs",
        ["proof"] = "proofs",
        ["roof"] = "roofs",

        // -s words Humanizer leaves unchanged or latinizes.
        ["bonus"] = "bonuses",
        ["census"] = "censuses",
        ["gas"] = "gases",
        ["canvas"] = "canvases",
        ["atlas"] = "atlases",
        ["plus"] = "pluses",
        ["opus"] = "opuses",
        ["focus"] = "focuses",
        ["octopus"] = "octopuses",
        ["prospectus"] = "prospectuses",
        ["apparatus"] = "apparatuses",

        // Software English, not Latin: database indexes, stadiums, insurance premiums.
        ["index"] = "indexes",
        ["stadium"] = "stadiums",
        ["premium"] = "premiums",
        ["podium"] = "podiums",
        ["aquarium"] = "aquariums",
        ["auditorium"] = "auditoriums",
        ["symposium"] = "symposiums",

        // -man words that are not compounds of man.
        ["german"] = "germans",
        ["roman"] = "romans",
        ["shaman"] = "shamans",
        ["talisman"] = "talismans",
        ["caiman"] = "caimans",

        // No plural form.
        ["software"] = "software",
        ["hardware"] = "hardware",
        ["firmware"] = "firmware",
        ["middleware"] = "middleware",
        ["feedback"] = "feedback",
        ["data"] = "data",
        ["metadata"] = "metadata",
        ["audio"] = "audio",
        ["stuff"] = "stuff",
        ["staff"] = "staff",
        ["golf"] = "golf",
        ["sushi"] = "sushi",
        ["tofu"] = "tofu",
        ["luggage"] = "luggage",
        ["baggage"] = "baggage",
        ["furniture"] = "furniture",
        ["traffic"] = "traffic",
        ["knowledge"] = "knowledge",
    };

    /// <summary>The plural of an entity name such as <c>Category</c> or <c>OrderLine</c>.</summary>
    public static string Of(string singular)
    {
        ArgumentException.ThrowIfNullOrEmpty(singular);

        var start = LastWordStart(singular);
        var head = singular[..start];
        var word = singular[start..];

        var plural = Corrections.TryGetValue(word, out var corrected)
            ? char.ToUpperInvariant(word[0]) == word[0] ? char.ToUpperInvariant(corrected[0]) + corrected[1..] : corrected
            : word.Pluralize(inputIsKnownToBeSingular: true);
        return head + plural;
    }

    // Where the last word of a PascalCase name begins: OrderLine → 4, HTTPRequest → 4, Order → 0.
    private static int LastWordStart(string name)
    {
        for (var i = name.Length - 1; i > 0; i--)
        {
            var current = name[i];
            var previous = name[i - 1];
            if (char.IsUpper(current) && (char.IsLower(previous) || char.IsDigit(previous)))
            {
                return i;
            }

            if (char.IsUpper(current) && char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]))
            {
                return i;
            }
        }

        return 0;
    }
}
