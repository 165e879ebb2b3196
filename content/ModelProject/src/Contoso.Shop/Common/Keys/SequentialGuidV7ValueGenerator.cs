using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.ValueGeneration;

namespace Contoso.Shop.Common.Keys;

/// <summary>
/// Makes version 7 UUIDs (RFC 9562) that increase in the order this process makes them, so every insert lands at
/// the end of the primary-key index. PostgreSQL's <c>uuid</c> and SQLite's <c>TEXT</c> both sort a UUIDv7 by its
/// leading timestamp. <see cref="Guid.CreateVersion7()"/> alone is random within a millisecond; here the 12 bits
/// after the version count up within the millisecond (RFC 9562 §6.2, method 1), and when 4096 keys have used one
/// millisecond the next keys take the following one, which the clock catches up with a moment later.
/// </summary>
public sealed class SequentialGuidV7ValueGenerator : ValueGenerator<Guid>
{
    private const int MaxCounter = 0xFFF;

    // Shared by every table, so keys increase across the whole process, not per generator instance.
    private static readonly Lock Gate = new();
    private static long _lastMilliseconds;
    private static int _counter;

    public override bool GeneratesTemporaryValues => false;

    public override Guid Next(EntityEntry entry) => NewGuid();

    /// <summary>The next key: greater than every key this process made before.</summary>
    public static Guid NewGuid()
    {
        long milliseconds;
        int counter;
        lock (Gate)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            if (now > _lastMilliseconds)
            {
                _lastMilliseconds = now;
                _counter = 0;
            }
            else if (++_counter > MaxCounter)
            {
                // The clock stood still (or went back): move on to the next millisecond rather than repeat one.
                _lastMilliseconds++;
                _counter = 0;
            }

            milliseconds = _lastMilliseconds;
            counter = _counter;
        }

        // 48 bits of Unix milliseconds, the version (7) and the 12-bit counter; then the variant and 62 random bits.
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, milliseconds << 16);
        BinaryPrimitives.WriteUInt16BigEndian(bytes[6..], (ushort)(0x7000 | counter));
        RandomNumberGenerator.Fill(bytes[8..]);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
