using System.Buffers.Binary;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace Strata.Tool.Agent;

/// <summary>
/// Keeps strata-agent's multi-core JIT profile useful across builds of the model project.
/// </summary>
/// <remarks>
/// The runtime names every module in the profile by its MVID, and playback stops for good at the first module
/// whose MVID differs from the loaded one. The model project's assembly gets a new MVID with every build, and its
/// first method comes right after strata-agent's own, so after any model change the profile would replay nothing:
/// each first run would compile all of EF Core's model building again. <see cref="Rebase"/> writes the current
/// MVID and version of the project's assemblies (and of strata-agent) into the profile before the runtime reads it.
/// Their recorded methods are then looked up by token in the new build: a token that now names another method
/// compiles that method from its own IL, and one that names nothing is skipped by the runtime, so a stale entry
/// costs a little background JIT and never changes what runs. Everything is checked against the profile format
/// of .NET's multicorejitimpl.h (version 102); a file in any other shape is left alone for the runtime to reject.
/// </remarks>
internal static class JitProfile
{
    /// <summary>The file name strata-agent records and replays (in the folder it is given).</summary>
    public const string FileName = "strata-agent.jitprofile";

    private const uint FormatVersion = 102;
    private const int HeaderRecordSize = 64;
    private const uint HeaderRecordId = 1;
    private const uint ModuleRecordId = 2;

    // ModuleRecord: recordID (4), ModuleVersion { major, minor, build, revision (2 each), flags (4), MVID (16) },
    // jitMethodCount, flags, loadLevel, lenModuleName, lenAssemblyName (2 each), then the names.
    private const int ModuleRecordSize = 44;
    private const int VersionOffset = 4;
    private const int MvidOffset = 16;
    private const int NameLengthOffset = 38;

    /// <summary>
    /// Rewrites the identity of every module in <paramref name="profilePath"/> that is one of <paramref name="assemblies"/>
    /// (simple name to file) written since the profile, with that file's MVID and version. Returns how many records
    /// changed; the file is written only when one did.
    /// </summary>
    public static int Rebase(string profilePath, IReadOnlyDictionary<string, string> assemblies)
    {
        if (!File.Exists(profilePath))
        {
            return 0;
        }

        // Every run rewrites the profile when it ends, so only an assembly written since can have a new identity:
        // the run right after a build reads those, every other run reads no assembly at all.
        var recorded = File.GetLastWriteTimeUtc(profilePath);
        var rebuilt = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, path) in assemblies)
        {
            if (File.GetLastWriteTimeUtc(path) >= recorded)
            {
                rebuilt[name] = path;
            }
        }

        return rebuilt.Count == 0 ? 0 : RewriteIdentities(profilePath, rebuilt);
    }

    /// <summary>The run right after a build: the part of <see cref="Rebase"/> that reads the profile and the assemblies.</summary>
    private static int RewriteIdentities(string profilePath, Dictionary<string, string> rebuilt)
    {
        var profile = File.ReadAllBytes(profilePath);
        if (!IsSupported(profile))
        {
            return 0;
        }

        var moduleCount = BinaryPrimitives.ReadUInt32LittleEndian(profile.AsSpan(12));
        var offset = HeaderRecordSize;
        var changed = 0;
        for (var index = 0; index < moduleCount; index++)
        {
            if (offset + ModuleRecordSize > profile.Length)
            {
                return 0;
            }

            var recordId = BinaryPrimitives.ReadUInt32LittleEndian(profile.AsSpan(offset));
            var recordSize = (int)(recordId & 0xFFFFFF);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(profile.AsSpan(offset + NameLengthOffset));
            if (recordId >> 24 != ModuleRecordId || recordSize < ModuleRecordSize + nameLength || offset + recordSize > profile.Length)
            {
                return 0;
            }

            var name = Encoding.UTF8.GetString(profile, offset + ModuleRecordSize, nameLength);
            if (rebuilt.TryGetValue(name, out var path) && Identity(path) is { } identity)
            {
                var record = profile.AsSpan(offset, recordSize);
                if (!record.Slice(VersionOffset, 8).SequenceEqual(identity.Version) || !record.Slice(MvidOffset, 16).SequenceEqual(identity.Mvid))
                {
                    identity.Version.CopyTo(record[VersionOffset..]);
                    identity.Mvid.CopyTo(record[MvidOffset..]);
                    changed++;
                }
            }

            offset += recordSize;
        }

        if (changed > 0)
        {
            File.WriteAllBytes(profilePath, profile);
        }

        return changed;
    }

    /// <summary>The assemblies built with the project (its bin folder) and strata-agent itself, by simple name.</summary>
    public static Dictionary<string, string> BuiltAssemblies(string binDirectory)
    {
        var assemblies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(binDirectory, "*.dll"))
        {
            assemblies[Path.GetFileNameWithoutExtension(path)] = path;
        }

        var agent = typeof(JitProfile).Assembly.Location;
        assemblies[Path.GetFileNameWithoutExtension(agent)] = agent;
        return assemblies;
    }

    private static bool IsSupported(byte[] profile) =>
        profile.Length >= HeaderRecordSize
        && BinaryPrimitives.ReadUInt32LittleEndian(profile) == (HeaderRecordId << 24 | HeaderRecordSize)
        && BinaryPrimitives.ReadUInt32LittleEndian(profile.AsSpan(4)) == FormatVersion;

    /// <summary>The file's assembly version (4 × UInt16, as the profile stores it) and MVID, or null when it is no .NET assembly.</summary>
    private static (byte[] Version, byte[] Mvid)? Identity(string path)
    {
        try
        {
            using var reader = new PEReader(File.OpenRead(path));
            if (!reader.HasMetadata)
            {
                return null;
            }

            var metadata = reader.GetMetadataReader();
            if (!metadata.IsAssembly)
            {
                return null;
            }

            var assemblyVersion = metadata.GetAssemblyDefinition().Version;
            var version = new byte[8];
            BinaryPrimitives.WriteUInt16LittleEndian(version, (ushort)assemblyVersion.Major);
            BinaryPrimitives.WriteUInt16LittleEndian(version.AsSpan(2), (ushort)assemblyVersion.Minor);
            BinaryPrimitives.WriteUInt16LittleEndian(version.AsSpan(4), (ushort)Math.Max(assemblyVersion.Build, 0));
            BinaryPrimitives.WriteUInt16LittleEndian(version.AsSpan(6), (ushort)Math.Max(assemblyVersion.Revision, 0));
            return (version, metadata.GetGuid(metadata.GetModuleDefinition().Mvid).ToByteArray());
        }
        catch (BadImageFormatException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
