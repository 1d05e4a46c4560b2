using System.Collections.Frozen;
using Sentra.Web.Features.Businesses;

namespace Sentra.Web.Features.Import.Parsing;

/// <summary>
/// Reads the "Jenis Kelamin" cell, ignoring case, spaces and punctuation. Male: L, Lk, Laki, Laki-laki, Pria, M, Male.
/// Female: P, Pr, Perempuan, Wanita, W, F, Female. ("P" is perempuan, never pria.) On failure the reason is
/// <see cref="ImportErrors.Sex"/>.
/// </summary>
public static class SexParser
{
    private static readonly FrozenDictionary<string, Sex> Values = new Dictionary<string, Sex>(StringComparer.Ordinal)
    {
        ["l"] = Sex.Male, ["lk"] = Sex.Male, ["laki"] = Sex.Male, ["lakilaki"] = Sex.Male, ["pria"] = Sex.Male,
        ["m"] = Sex.Male, ["male"] = Sex.Male,
        ["p"] = Sex.Female, ["pr"] = Sex.Female, ["perempuan"] = Sex.Female, ["wanita"] = Sex.Female,
        ["w"] = Sex.Female, ["f"] = Sex.Female, ["female"] = Sex.Female,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool TryParse(string? text, out Sex sex) => Values.TryGetValue(CellText.Compact(text), out sex);
}
