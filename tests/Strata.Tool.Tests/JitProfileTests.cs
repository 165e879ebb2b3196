using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using Strata.Tool.Agent;

namespace Strata.Tool.Tests;

/// <summary>
/// strata-agent's JIT profile survives a build of the model project: <see cref="JitProfile.Rebase"/> carries the
/// rebuilt assembly's MVID into the profile, so the runtime replays it instead of stopping at that module.
/// The format is .NET's multicorejitimpl.h (profile version 102): a 64-byte header, then one record per module.
/// </summary>
public sealed class JitProfileTests : IDisposable
{
    private const int ProfileFormat = 102;
    private const int EAbort = unchecked((int)0x80004004);

    private readonly string _folder = Directory.CreateTempSubdirectory("strata-jitprofile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Bin => Directory.CreateDirectory(Path.Combine(_folder, "bin")).FullName;

    private string ProfilePath => Path.Combine(_folder, JitProfile.FileName);

    [Fact]
    public void A_module_built_again_gets_the_new_files_mvid_and_version_and_the_others_stay()
    {
        CopyOfThisAssembly("Shop");
        File.WriteAllBytes(ProfilePath, Profile(
            Module("System.Private.CoreLib", new Version(10, 0, 0, 0), Guid.NewGuid()),
            Module("Shop", new Version(1, 0, 0, 0), Guid.NewGuid())));
        var coreLibBefore = File.ReadAllBytes(ProfilePath).AsSpan(64, ModuleRecordLength("System.Private.CoreLib")).ToArray();
        BuiltAfterTheProfile("Shop");

        var changed = JitProfile.Rebase(ProfilePath, JitProfile.BuiltAssemblies(Bin));

        Assert.Equal(1, changed);
        var modules = Modules(File.ReadAllBytes(ProfilePath));
        Assert.Equal(typeof(JitProfileTests).Assembly.ManifestModule.ModuleVersionId, modules["Shop"].Mvid);
        Assert.Equal(typeof(JitProfileTests).Assembly.GetName().Version, modules["Shop"].Version);
        Assert.Equal(coreLibBefore, File.ReadAllBytes(ProfilePath).AsSpan(64, coreLibBefore.Length).ToArray());
    }

    [Fact]
    public void A_profile_that_already_names_the_current_build_is_not_written()
    {
        CopyOfThisAssembly("Shop");
        var current = typeof(JitProfileTests).Assembly;
        File.WriteAllBytes(ProfilePath, Profile(Module("Shop", current.GetName().Version!, current.ManifestModule.ModuleVersionId)));
        var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(ProfilePath, written);

        Assert.Equal(0, JitProfile.Rebase(ProfilePath, JitProfile.BuiltAssemblies(Bin)));
        Assert.Equal(written, File.GetLastWriteTimeUtc(ProfilePath));
    }

    [Fact]
    public void A_profile_written_after_every_build_is_left_as_it_is()
    {
        CopyOfThisAssembly("Shop");
        var profile = Profile(Module("Shop", new Version(1, 0, 0, 0), Guid.NewGuid()));
        File.WriteAllBytes(ProfilePath, profile);
        File.SetLastWriteTimeUtc(Path.Combine(Bin, "Shop.dll"), File.GetLastWriteTimeUtc(ProfilePath).AddMinutes(-1));

        Assert.Equal(0, JitProfile.Rebase(ProfilePath, JitProfile.BuiltAssemblies(Bin)));
        Assert.Equal(profile, File.ReadAllBytes(ProfilePath));
    }

    public static TheoryData<string> ForeignProfiles => new() { "another format version", "a module record running past the end", "too short for a header" };

    [Theory]
    [MemberData(nameof(ForeignProfiles))]
    public void A_profile_in_another_shape_is_left_byte_for_byte(string shape)
    {
        CopyOfThisAssembly("Shop");
        var profile = Profile(Module("Shop", new Version(1, 0, 0, 0), Guid.NewGuid()));
        profile = shape switch
        {
            "another format version" => WithFormat(profile, ProfileFormat + 1),
            "a module record running past the end" => profile[..^8],
            _ => profile[..40],
        };
        File.WriteAllBytes(ProfilePath, profile);
        BuiltAfterTheProfile("Shop");

        Assert.Equal(0, JitProfile.Rebase(ProfilePath, JitProfile.BuiltAssemblies(Bin)));
        Assert.Equal(profile, File.ReadAllBytes(ProfilePath));
    }

    [Fact]
    public void Without_a_profile_nothing_is_created()
    {
        Assert.Equal(0, JitProfile.Rebase(ProfilePath, JitProfile.BuiltAssemblies(Bin)));
        Assert.False(File.Exists(ProfilePath));
    }

    [Fact]
    public void Strata_agent_itself_is_rebased_so_a_tool_update_keeps_the_profile()
    {
        var agent = JitProfile.BuiltAssemblies(Bin);

        Assert.Equal(typeof(JitProfile).Assembly.Location, agent["strata-agent"]);
    }

    /// <summary>
    /// The real runtime: strata-agent draws a project, the project is built again (new MVID), and the next run's
    /// profile header (where the runtime writes how its playback went) shows the old profile replayed, not aborted.
    /// </summary>
    [SkippableFact]
    public void After_a_rebuild_the_runtime_replays_the_profile_instead_of_aborting_at_the_project()
    {
        Skip.If(Environment.ProcessorCount < 2, "multi-core JIT records nothing on a machine with one core");
        var shop = Path.Combine(Bin, "Shop.dll");
        var output = Path.Combine(_folder, "model.md");
        Compile(shop, tables: 40);
        RunAgent(shop, output);
        var firstBuild = Modules(File.ReadAllBytes(ProfilePath))["Shop"].Mvid;

        Compile(shop, tables: 41);
        RunAgent(shop, output);

        var profile = File.ReadAllBytes(ProfilePath);
        var (replayed, result) = Playback(profile);
        Assert.NotEqual(EAbort, result);
        Assert.Equal(0, result);
        Assert.True(replayed > 0, "the runtime replayed no method of the profile");
        Assert.NotEqual(firstBuild, Modules(profile)["Shop"].Mvid);
        Assert.Equal("41 tables", File.ReadAllText(output));
    }

    private void BuiltAfterTheProfile(string name) =>
        File.SetLastWriteTimeUtc(Path.Combine(Bin, name + ".dll"), File.GetLastWriteTimeUtc(ProfilePath).AddMinutes(1));

    private void CopyOfThisAssembly(string name) =>
        File.Copy(typeof(JitProfileTests).Assembly.Location, Path.Combine(Bin, name + ".dll"));

    /// <summary>A model project of <paramref name="tables"/> tables, enough code for the JIT to record.</summary>
    private static void Compile(string path, int tables)
    {
        var source = $$"""
            using System.Linq;

            namespace Shop.Common.Diagrams;

            public sealed record Table(int Number)
            {
                public string Name => $"Table{Number:D3}";
            }

            public static class ModelDiagram
            {
                public static string ForDesignTime()
                {
                    var tables = Enumerable.Range(1, {{tables}}).Select(number => new Table(number)).ToDictionary(table => table.Name);
                    return $"{tables.Values.OrderBy(table => table.Name).Count()} tables";
                }
            }
            """;
        TestAssembly.Compile(path, source);
    }

    private void RunAgent(string assembly, string output)
    {
        var agent = typeof(JitProfile).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "exec", "--runtimeconfig", Path.ChangeExtension(agent, ".runtimeconfig.json"), agent, assembly, output, _folder })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "strata-agent did not end");
        Assert.True(process.ExitCode == 0, error.Result);
    }

    // HeaderRecord: recordID, version, timeStamp, moduleCount, methodCount, moduleDepCount (4 bytes each), 14 UInt16
    // counters of the playback that ran in the process that wrote the file (the first: methods replayed), 3 UInt32
    // counters (the first: the playback's HRESULT, E_ABORT when it stopped at a module that did not match).
    private static (int Replayed, int Result) Playback(byte[] profile) =>
        (BinaryPrimitives.ReadUInt16LittleEndian(profile.AsSpan(24)), BinaryPrimitives.ReadInt32LittleEndian(profile.AsSpan(52)));

    private static byte[] Profile(params byte[][] modules)
    {
        var header = new byte[64];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 1u << 24 | 64);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), ProfileFormat);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(12), (uint)modules.Length);
        return [.. header, .. modules.SelectMany(module => module)];
    }

    private static byte[] WithFormat(byte[] profile, int format)
    {
        var copy = profile.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(copy.AsSpan(4), format);
        return copy;
    }

    private static int ModuleRecordLength(string name) => 44 + RoundUp(name.Length) + RoundUp(name.Length + 40);

    // ModuleRecord: recordID, ModuleVersion (major, minor, build, revision: UInt16; flags: UInt32; MVID), method
    // count, flags, load level, name length, assembly name length (UInt16 each), then both names padded to 4 bytes.
    private static byte[] Module(string name, Version version, Guid mvid)
    {
        var assemblyName = name + ", Version=" + version + ", Culture=neutral, PublicKeyToken=null";
        assemblyName = assemblyName.PadRight(name.Length + 40)[..(name.Length + 40)];
        var record = new byte[ModuleRecordLength(name)];
        BinaryPrimitives.WriteUInt32LittleEndian(record, 2u << 24 | (uint)record.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(4), (ushort)version.Major);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(6), (ushort)version.Minor);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(8), (ushort)version.Build);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(10), (ushort)version.Revision);
        mvid.ToByteArray().CopyTo(record, 16);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(32), 3);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(36), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(38), (ushort)name.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(40), (ushort)assemblyName.Length);
        Encoding.UTF8.GetBytes(name).CopyTo(record, 44);
        Encoding.UTF8.GetBytes(assemblyName).CopyTo(record, 44 + RoundUp(name.Length));
        return record;
    }

    private static Dictionary<string, (Version Version, Guid Mvid)> Modules(byte[] profile)
    {
        var modules = new Dictionary<string, (Version, Guid)>();
        var offset = 64;
        for (var index = 0; index < BinaryPrimitives.ReadUInt32LittleEndian(profile.AsSpan(12)); index++)
        {
            var length = (int)(BinaryPrimitives.ReadUInt32LittleEndian(profile.AsSpan(offset)) & 0xFFFFFF);
            var name = Encoding.UTF8.GetString(profile, offset + 44, BinaryPrimitives.ReadUInt16LittleEndian(profile.AsSpan(offset + 38)));
            var version = new Version(
                BinaryPrimitives.ReadUInt16LittleEndian(profile.AsSpan(offset + 4)),
                BinaryPrimitives.ReadUInt16LittleEndian(profile.AsSpan(offset + 6)),
                BinaryPrimitives.ReadUInt16LittleEndian(profile.AsSpan(offset + 8)),
                BinaryPrimitives.ReadUInt16LittleEndian(profile.AsSpan(offset + 10)));
            modules[name] = (version, new Guid(profile.AsSpan(offset + 16, 16)));
            offset += length;
        }

        return modules;
    }

    private static int RoundUp(int length) => (length + 3) / 4 * 4;
}
